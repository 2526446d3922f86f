package yardstick.reports.plans;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A date in a plan: a day, or a whole month where the plan gives only a month ("Oct 21"), as
 * {@code google.type.Date} allows with a day of 0. A month-only due date means by the end of it.
 */
public record PlanDate(int year, int month, int day) implements Comparable<PlanDate> {

    public PlanDate {
        if (year < 1 || year > 9999 || month < 1 || month > 12) {
            throw new IllegalArgumentException("not a date: " + year + "-" + month + "-" + day);
        }
        if (day < 0 || day > YearMonth.of(year, month).lengthOfMonth()) {
            throw new IllegalArgumentException("not a day of " + YearMonth.of(year, month) + ": " + day);
        }
    }

    public static PlanDate of(LocalDate date) {
        return new PlanDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    public static PlanDate month(int year, int month) {
        return new PlanDate(year, month, 0);
    }

    /** Whether the numbers make a date: a month, or a day of it. */
    public static boolean valid(int year, int month, int day) {
        try {
            new PlanDate(year, month, day);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public boolean monthOnly() {
        return day == 0;
    }

    /** The first day it covers. */
    public LocalDate firstDay() {
        return LocalDate.of(year, month, monthOnly() ? 1 : day);
    }

    /** The last day it covers: the day itself, or the month's last day. */
    public LocalDate lastDay() {
        return monthOnly() ? YearMonth.of(year, month).atEndOfMonth() : LocalDate.of(year, month, day);
    }

    /** In British English: "October 2021" or "5 October 2021". */
    public String label() {
        String monthName = java.time.Month.of(month).getDisplayName(TextStyle.FULL, Locale.UK);
        return (monthOnly() ? "" : day + " ") + monthName + " " + year;
    }

    @Override
    public int compareTo(PlanDate other) {
        int first = firstDay().compareTo(other.firstDay());
        return first != 0 ? first : lastDay().compareTo(other.lastDay());
    }
}
