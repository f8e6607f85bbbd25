package io.microreach.visibilityoffenders;

/** Package-private; uses {@link UsedOnlyInside} from its own package, which does not make it API. */
class InsideUser {
    UsedOnlyInside used;
}
