package com.propcloud.pms.reporting.workorder;

import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/v1/reports/work-orders/daily}: one entry for every day of the range, empty days included. */
record DailyWorkOrders(List<Day> days) {

    record Day(LocalDate date, long created) {}
}
