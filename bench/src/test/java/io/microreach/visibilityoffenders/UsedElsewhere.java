package io.microreach.visibilityoffenders;

/** Public and used by a class of another package ({@code CoreVisibilityTest.OutsideUser}): no violation. */
public class UsedElsewhere {}
