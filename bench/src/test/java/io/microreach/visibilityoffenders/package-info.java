/**
 * Fixtures for {@code io.microreach.bench.CoreVisibilityTest}: a public type used only inside this package (an
 * offender) and one used from another package (not one). The package sits outside app and bench on purpose, where the
 * rule checks; it is a test folder, so the import of main classes never sees it.
 */
package io.microreach.visibilityoffenders;
