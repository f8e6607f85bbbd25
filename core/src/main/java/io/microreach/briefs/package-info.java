/**
 * Reading a brand brief: the country, language, platform and creator size a marketer states in free text (English,
 * German, Spanish, French) become filters or boosts, each with the words it came from, and what is left of the brief
 * after those words and the brief's boilerplate ("we sell", "honest reviews") is the topic the search embeds. Pure
 * Java; may use the domain package.
 */
package io.microreach.briefs;
