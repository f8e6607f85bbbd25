package io.microreach.generator;

/**
 * Stream numbers that separate the random sequences of the different things keyed by the same index (creator 7's
 * identity, creator 7's first account, audience member 7...). Changing one changes the generated data.
 */
final class Streams {
    static final long IDENTITY = 1;
    static final long ACCOUNT = 2;
    static final long HISTORY = 3;
    static final long POSTS = 4;
    static final long COMMENTS = 5;
    static final long SAMPLE = 6;
    static final long GRAPH = 7;
    static final long POD = 8;
    static final long PERSON = 9;
    static final long BOT = 10;

    private Streams() {}
}
