package io.sdxlbatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ChartAxesTest {

    @Test
    void givenRanges_whenStepped_thenStepsAreNiceAndFewEnough() {
        assertThat(Axis.niceStep(715_000, 10)).isEqualTo(100_000);
        assertThat(Axis.niceStep(9_000, 10)).isEqualTo(1_000);
        assertThat(Axis.niceStep(0.7421, 4)).isEqualTo(0.2);
        assertThat(Axis.niceStep(19, 4)).isEqualTo(5);
        assertThat(Axis.niceStep(22, 10)).isEqualTo(2.5);
    }

    @Test
    void givenDurations_whenStepped_thenStepsAreClockUnitsWithMatchingLabels() {
        assertThat(Axis.timeStep(734_000, 12)).isEqualTo(120_000);
        assertThat(Axis.timeStep(3 * 3_600_000L, 12)).isEqualTo(900_000);
        assertThat(Axis.timeStep(90_000, 12)).isEqualTo(10_000);
        assertThat(Axis.timeLabel(240_000, 120_000)).isEqualTo("4 min");
        assertThat(Axis.timeLabel(90_000, 10_000)).isEqualTo("90 s");
        assertThat(Axis.timeLabel(7_200_000, 3_600_000)).isEqualTo("2 h");
        assertThat(Axis.seconds(2_500)).isEqualTo("2.5 s");
        assertThat(Axis.seconds(10_000)).isEqualTo("10 s");
    }

    @Test
    void givenTicks_whenListed_thenEveryOtherIsOddForNarrowScreens() {
        List<Axis.Tick> ticks = Axis.ticks(0, 10_000, 2_500, v -> v / 100, Axis::seconds);

        assertThat(ticks).extracting(Axis.Tick::label).containsExactly("0 s", "2.5 s", "5 s", "7.5 s", "10 s");
        assertThat(ticks).extracting(Axis.Tick::odd).containsExactly(false, true, false, true, false);
        assertThat(ticks).extracting(Axis.Tick::at).containsExactly(0.0, 25.0, 50.0, 75.0, 100.0);
    }

    @Test
    void givenManyValues_whenHistogrammed_thenAboutTwentyBinsAndEveryValueCounted() {
        List<Long> values = java.util.stream.LongStream.range(0, 500).map(i -> 6_000 + i * 18).boxed().toList();

        Element svg = Jsoup.parse(SvgHistogram.render(Distribution.of(values), "x")).selectFirst("svg.plot");

        assertThat(svg.select("rect.bin").size()).isBetween(13, 26);
        assertThat(svg.select("rect.bin title").eachText().stream()
                .mapToInt(t -> Integer.parseInt(t.substring(t.lastIndexOf(' ') + 1))).sum()).isEqualTo(500);
        assertThat(svg.select("text.marker-label").eachText()).containsExactly("p50 10.5 s", "p95 14.5 s");
    }

    @Test
    void givenEveryJobTookTheSameTime_whenHistogrammed_thenTheAxisStillSpansASecond() {
        Element svg = Jsoup.parse(SvgHistogram.render(Distribution.of(List.of(9_800L, 9_800L, 9_800L)), "x"))
                .selectFirst("svg.plot");

        assertThat(svg.select("rect.bin")).hasSize(1);
        assertThat(svg.select("text.tick").eachText()).containsExactly("9.8 s", "9.9 s", "10 s", "10.1 s", "10.2 s",
                "10.3 s", "10.4 s", "10.5 s", "10.6 s", "10.7 s", "10.8 s");
    }
}
