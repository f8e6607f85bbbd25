/**
 * Trust signals: the shared input ({@link io.microreach.signals.AccountActivity}, with its sampled followers already
 * reduced to what the signals read, {@link io.microreach.signals.SampledFollower}), the byte format in which an
 * application keeps what the signals read of an account's followers ({@link io.microreach.signals.FollowerPack}),
 * small shared value types (proportions with Wilson intervals, confidence levels) and the text matching shared by
 * the text signals (accent folding, literal prefilters for phrase patterns). Sub-packages compute one family of
 * signals each from an {@code AccountActivity} (and, for peer comparisons, from the pool's distributions). Pure
 * Java: no Spring, SQL or HTTP.
 */
package io.microreach.signals;
