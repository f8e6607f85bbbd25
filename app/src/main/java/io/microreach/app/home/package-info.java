/**
 * The application's home folder: where the embedded database, unpacked native code, demo data and reports live, and
 * the key ({@code SecretKeyFile}) under which stored secrets (source keys, webhook secrets) are encrypted. Plain Java;
 * used by every other feature package.
 */
package io.microreach.app.home;
