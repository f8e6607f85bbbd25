package io.microreach.generator;

/** Receives progress while {@link SyntheticDataGenerator} runs; called once per creator, in order, on the caller's thread. */
@FunctionalInterface
public interface ProgressListener {

    /** No progress reporting. */
    ProgressListener NONE = (done, total) -> {};

    void progress(long creatorsDone, long creatorsTotal);
}
