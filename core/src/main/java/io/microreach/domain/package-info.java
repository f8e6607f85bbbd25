/**
 * The public creator data model shared by every module: platforms, accounts, posts, comments, follower samples,
 * follow edges among sampled followers and follower-count history, and the text helpers every module reads captions
 * with ({@code Captions}, {@code WordChars}). Plain immutable records with their invariants checked in the
 * constructors; this package depends on nothing but the JDK.
 */
package io.microreach.domain;
