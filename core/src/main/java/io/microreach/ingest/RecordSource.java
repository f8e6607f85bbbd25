package io.microreach.ingest;

import java.io.Closeable;
import java.util.Iterator;

/** A stream of parsed lines from one input file. Holds one line at a time, whatever the file size. */
public interface RecordSource extends Iterator<ParsedLine>, Closeable {

    /** The file name as the user gave it, used in rejections. */
    String name();

    /** Bytes of the (possibly compressed) file consumed so far, for progress reporting. */
    long bytesRead();

    /** Size of the file on disk in bytes. */
    long totalBytes();
}
