package org.mdmatrials.sink.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TemplateTest {
  private final Template cell = Template.of("<td title=\"{{tip}}\">{{text}}</td>");

  @Test
  void escapesTextButInsertsMarkupAsItIs() {
    assertThat(cell.fill("tip", "a\"b", "text", new Markup("<em>x</em>")).html())
        .isEqualTo("<td title=\"a&quot;b\"><em>x</em></td>");
    assertThat(cell.fill("tip", 3, "text", "<&>").html())
        .isEqualTo("<td title=\"3\">&lt;&amp;&gt;</td>");
    assertThat(cell.fill("tip", null, "text", "'").html()).isEqualTo("<td title=\"\">&#39;</td>");
  }

  @Test
  void refusesAMissingOrUnknownSlot() {
    assertThatThrownBy(() -> cell.fill("tip", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no value for slot text");
    assertThatThrownBy(() -> cell.fill("tip", "x", "text", "y", "colour", "z"))
        .hasMessage("the template has no slot colour");
  }

  @Test
  void linksOnlyToHttpPages() {
    assertThat(Markup.link("NCT1", "https://clinicaltrials.gov/study/NCT1?a=1&b=2").html())
        .isEqualTo("<a href=\"https://clinicaltrials.gov/study/NCT1?a=1&amp;b=2\">NCT1</a>");
    assertThat(Markup.link("<x>", "javascript:alert(1)").html()).isEqualTo("&lt;x&gt;");
    assertThat(Markup.link("x", null).html()).isEqualTo("x");
  }

  @Test
  void readsPhasesAndCodesForPeople() {
    assertThat(Labels.phases("PHASE2; PHASE3")).isEqualTo("Phase 2/3");
    assertThat(Labels.phases("EARLY_PHASE1")).isEqualTo("Early phase 1");
    assertThat(Labels.phases("NA")).isEqualTo("Not applicable");
    assertThat(Labels.phases(null)).isEqualTo("Not given");
    assertThat(Labels.code("ACTIVE_NOT_RECRUITING")).isEqualTo("Active not recruiting");
  }

  @Test
  void picksChartTicksOfOneTwoOrFive() {
    assertThat(StartsChart.step(1)).isEqualTo(1);
    assertThat(StartsChart.step(7)).isEqualTo(2);
    assertThat(StartsChart.step(11)).isEqualTo(5);
    assertThat(StartsChart.step(26)).isEqualTo(10);
    assertThat(StartsChart.top(7)).isEqualTo(8);
    assertThat(StartsChart.top(26)).isEqualTo(30);
  }
}
