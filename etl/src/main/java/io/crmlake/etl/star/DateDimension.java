package io.crmlake.etl.star;

import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.spark.SparkTypes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * dim_date for whole calendar years around the data, with China's public holidays and make-up
 * working days from the bundled calendar/cn-holidays.csv (one place to extend each year).
 */
final class DateDimension {

    private static final String[] WEEKDAYS_ZH = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};

    private DateDimension() {}

    record CalendarDay(boolean holiday, String nameZh, String nameEn) {}

    /**
     * Writes dim_date for the years, unless it already holds exactly these rows: most builds
     * stay within the calendar years already there, and rewriting an unchanged dimension would
     * cost a Delta commit and put the serving catalog behind the lake for nothing.
     *
     * @return whether dim_date was written
     */
    static boolean build(LakeTables tables, int firstYear, int lastYear) {
        Map<LocalDate, CalendarDay> calendar = chineseCalendar();
        List<Row> rows = new ArrayList<>();
        for (LocalDate d = LocalDate.of(firstYear, 1, 1); d.getYear() <= lastYear; d = d.plusDays(1)) {
            rows.add(row(d, calendar.get(d)));
        }
        if (new HashSet<>(tables.read("dim_date").collectAsList()).equals(new HashSet<>(rows))) {
            return false;
        }
        tables.overwrite("dim_date", tables.spark().createDataFrame(rows, SparkTypes.struct(tables.table("dim_date").columns())));
        return true;
    }

    static Row row(LocalDate d, CalendarDay special) {
        DayOfWeek dow = d.getDayOfWeek();
        boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
        boolean holiday = special != null && special.holiday();
        boolean makeUpWorkday = special != null && !special.holiday();
        return RowFactory.create(
                d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth(),
                java.sql.Date.valueOf(d),
                d.getYear(), (d.getMonthValue() - 1) / 3 + 1, d.getMonthValue(),
                d.getYear() * 100 + d.getMonthValue(), d.getDayOfMonth(), dow.getValue(),
                dow.getDisplayName(TextStyle.FULL, Locale.ENGLISH), WEEKDAYS_ZH[dow.getValue() - 1],
                weekend, holiday,
                holiday ? special.nameZh() : null, holiday ? special.nameEn() : null,
                makeUpWorkday || (!weekend && !holiday));
    }

    static Map<LocalDate, CalendarDay> chineseCalendar() {
        Map<LocalDate, CalendarDay> days = new HashMap<>();
        try (InputStream in = DateDimension.class.getResourceAsStream("/calendar/cn-holidays.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                days.put(LocalDate.parse(f[0]), new CalendarDay("holiday".equals(f[1]), f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled holiday calendar", e);
        }
        return days;
    }
}
