package org.mdmatrials.sink.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.dhatim.fastexcel.TimestampUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellKindTest {
  @ParameterizedTest
  @ValueSource(strings = {"2008-05-14", "1900-01-01", "2024-02-29", "9999-12-31"})
  void makesAFullDayExcelsSerialDay(String day) {
    assertThat(CellKind.DATE.cell(day)).isEqualTo(TimestampUtil.convertDate(LocalDate.parse(day)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2008",
        "2008-05",
        "2021-02-30",
        "2023-02-29",
        "2008-13-01",
        "2008-00-10",
        "2008-05-00",
        "1899-12-31",
        "2008/05/14",
        "2008-5-14 ",
        "20O8-05-14",
        "-008-05-14",
        "+2008-05-1",
        "2008-05-14T00:00"
      })
  void keepsAnythingButAFullDayExcelCanShowAsText(String text) {
    assertThat(CellKind.DATE.cell(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-28T02:30:00Z",
        "2026-11-28T23:59:59Z",
        "2026-11-28T02:30:00.250Z",
        "2026-11-28T02:30:00.000000001Z"
      })
  void makesAnInstantExcelsSerialDateTimeInUtc(String instant) {
    LocalDateTime utc = LocalDateTime.parse(instant.substring(0, instant.length() - 1));

    assertThat(CellKind.DATE_TIME.cell(instant)).isEqualTo(TimestampUtil.convertDate(utc));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-30T02:30:00Z", "2026-11-28T02:61:00Z", "2026-11-28 02:30:00"})
  void refusesATextThatIsNoInstant(String text) {
    assertThatThrownBy(() -> CellKind.DATE_TIME.cell(text))
        .isInstanceOf(DateTimeParseException.class);
  }
}
