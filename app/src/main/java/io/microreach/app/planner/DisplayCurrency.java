package io.microreach.app.planner;

/** The currency prices are shown in outside a plan ({@code microreach.currency.display}). */
public record DisplayCurrency(String code) {}
