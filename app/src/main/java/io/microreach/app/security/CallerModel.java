package io.microreach.app.security;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the caller, so the header can show who is signed in, in which workspace, and sign-out. */
@ControllerAdvice
class CallerModel {
    private final CurrentWorkspace current;

    CallerModel(CurrentWorkspace current) {
        this.current = current;
    }

    @ModelAttribute("caller")
    Caller caller() {
        return current.caller().orElse(null);
    }
}
