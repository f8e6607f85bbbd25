package io.microreach.visibilityoffenders;

/** Deliberate offender for CoreVisibilityTest: public, but only {@link InsideUser} (same package) uses it. */
public class UsedOnlyInside {}
