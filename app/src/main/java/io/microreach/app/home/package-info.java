/**
 * The application's home folder: where the embedded database, unpacked native code, demo data and reports live.
 * Plain Java; used by every other feature package.
 */
package io.microreach.app.home;
