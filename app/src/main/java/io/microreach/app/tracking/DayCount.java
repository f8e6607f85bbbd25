package io.microreach.app.tracking;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One UTC day of a creator's link: people's clicks, attributed orders (by order time) and their revenue. */
public record DayCount(LocalDate day, long clicks, long orders, BigDecimal revenue) {}
