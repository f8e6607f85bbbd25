package io.microreach.connectors.mastodon;

import io.microreach.domain.Post;

/**
 * One status of an account's list: the post as stored, whether it replies to another status (a reply is part of a
 * conversation, not one of the author's posts), and its reply count, which decides whether its thread is fetched.
 */
record Status(Post post, boolean reply, long replies) {}
