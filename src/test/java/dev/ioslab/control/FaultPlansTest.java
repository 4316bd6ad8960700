package dev.ioslab.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultPlansTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T23:00:00Z"), ZoneOffset.UTC);
    private static final FaultMatch.Context FTP = FaultMatch.Context.transfer("ftp://10.1.1.1/images/x.bin", "ftp");

    private final List<String> heard = new ArrayList<>();
    private final FaultPlans plans = new FaultPlans(CLOCK, new Random(1),
            (device, fault, detail) -> heard.add(device + " " + fault.id() + " " + fault.fired() + " " + detail));

    private static FaultSpec fail(long count, boolean untilRemoved, double probability, FaultMatch match) {
        return new FaultSpec(FaultType.TRANSFER_FAIL, Map.of("reason", "timed-out"), count, untilRemoved,
                probability, match);
    }

    @Test
    void firesCountTimesThenStaysListedButNoLongerActs() {
        FaultView added = plans.add("r1", fail(2, false, 1.0, FaultMatch.ANY));

        assertThat(added.id()).isEqualTo("f1");
        assertThat(added.createdAt()).isEqualTo("2026-12-04T23:00:00Z");
        assertThat(plans.fire("r1", FaultType.TRANSFER_FAIL, FTP, "a")).isPresent();
        assertThat(plans.fire("r1", FaultType.TRANSFER_FAIL, FTP, "b")).isPresent();
        assertThat(plans.fire("r1", FaultType.TRANSFER_FAIL, FTP, "c")).isEmpty();
        assertThat(plans.list("r1")).singleElement().satisfies(f -> {
            assertThat(f.fired()).isEqualTo(2);
            assertThat(f.active()).isFalse();
        });
        assertThat(plans.active("r1")).isEmpty();
        assertThat(heard).containsExactly("r1 f1 1 a", "r1 f1 2 b");
    }

    @Test
    void firesOnlyOnItsOwnDeviceAndType() {
        plans.add("r1", fail(1, false, 1.0, FaultMatch.ANY));

        assertThat(plans.fire("r2", FaultType.TRANSFER_FAIL, FTP, "x")).isEmpty();
        assertThat(plans.fire("r1", FaultType.LATENCY, FTP, "x")).isEmpty();
        assertThat(plans.fire("r1", FaultType.TRANSFER_FAIL, FTP, "x")).isPresent();
    }

    @Test
    void untilRemovedFiresUntilDeleted() {
        FaultView added = plans.add("r1", fail(1, true, 1.0, FaultMatch.ANY));
        for (int i = 0; i < 50; i++) {
            assertThat(plans.fire("r1", FaultType.TRANSFER_FAIL, FTP, "x")).isPresent();
        }

        assertThat(plans.remove(added.id())).isTrue();
        assertThat(plans.remove(added.id())).isFalse();
        assertThat(plans.fire("r1", FaultType.TRANSFER_FAIL, FTP, "x")).isEmpty();
    }

    @Test
    void probabilityIsDrawnFromTheInjectedRandom() {
        FaultPlans seeded = new FaultPlans(CLOCK, new Random(42));
        seeded.add("r1", fail(1, true, 0.3, FaultMatch.ANY));
        Random same = new Random(42);
        int expected = 0;
        int fired = 0;
        for (int i = 0; i < 1000; i++) {
            if (same.nextDouble() < 0.3) {
                expected++;
            }
            if (seeded.fire("r1", FaultType.TRANSFER_FAIL, FTP, "x").isPresent()) {
                fired++;
            }
        }

        assertThat(fired).isEqualTo(expected).isBetween(200, 400);
        assertThat(seeded.list("r1").get(0).fired()).isEqualTo(expected);
    }

    @Test
    void aFaultThatLosesItsDrawKeepsItsCount() {
        FaultPlans never = new FaultPlans(CLOCK, new Random(7));
        never.add("r1", fail(1, false, 0.0, FaultMatch.ANY));

        assertThat(never.fire("r1", FaultType.TRANSFER_FAIL, FTP, "x")).isEmpty();
        assertThat(never.active("r1")).hasSize(1);
    }

    @Test
    void matchesUrlGlobProtocolAndFileSystem() {
        FaultMatch images = new FaultMatch(Optional.of("ftp://*/images/*"), Optional.empty(), Optional.of("ftp"));

        assertThat(images.matches(FTP)).isTrue();
        assertThat(images.matches(FaultMatch.Context.transfer("ftp://10.1.1.1:2121/images/a/b.bin", "ftp")))
                .isTrue();
        assertThat(images.matches(FaultMatch.Context.transfer("ftp://10.1.1.1/configs/x.cfg", "ftp"))).isFalse();
        assertThat(images.matches(FaultMatch.Context.transfer("tftp://10.1.1.1/images/x.bin", "tftp"))).isFalse();
        assertThat(new FaultMatch(Optional.of("tftp://10.1.1.?/x.bin"), Optional.empty(), Optional.empty())
                .matches(FaultMatch.Context.transfer("tftp://10.1.1.7/x.bin", "tftp"))).isTrue();
        assertThat(new FaultMatch(Optional.of("ftp://h/a.b"), Optional.empty(), Optional.empty())
                .matches(FaultMatch.Context.transfer("ftp://h/aXb", "ftp"))).as("a dot is literal").isFalse();

        FaultMatch flash0 = new FaultMatch(Optional.empty(), Optional.of("flash0:"), Optional.empty());
        assertThat(flash0.matches(FaultMatch.Context.fileSystem("flash0"))).isTrue();
        assertThat(flash0.matches(FaultMatch.Context.fileSystem("usbflash0"))).isFalse();
        assertThat(flash0.matches(FTP)).as("a transfer has no file system").isFalse();
        assertThat(FaultMatch.ANY.matches(FaultMatch.Context.fileSystem("usbflash0"))).isTrue();
        assertThat(FaultMatch.ANY.matches(FaultMatch.Context.fileSystem("nvram"))).isFalse();
    }

    @Test
    void aGlobWithManyStarsAnswersAtOnceInsteadOfBacktrackingForever() {
        // 12 stars against 64 'a's: a backtracking regex tries ~64^12 splits before it says no; the transfer (or the
        // event loop) that consulted the fault would hang. A glob matcher must stay linear in practice.
        FaultMatch hostile = new FaultMatch(Optional.of("*a*a*a*a*a*a*a*a*a*a*a*a*b"), Optional.empty(),
                Optional.empty());
        FaultMatch.Context longUrl = FaultMatch.Context.transfer("a".repeat(64), "ftp");

        boolean matched = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> hostile.matches(longUrl),
                "hang guard, not a timing: the old regex took hours");

        assertThat(matched).isFalse();
        assertThat(hostile.matches(FaultMatch.Context.transfer("a".repeat(64) + "b", "ftp"))).isTrue();
        assertThat(new FaultMatch(Optional.of("**"), Optional.empty(), Optional.empty())
                .matches(FaultMatch.Context.transfer("", "ftp"))).isTrue();
        assertThat(new FaultMatch(Optional.of("ftp://*x?z"), Optional.empty(), Optional.empty())
                .matches(FaultMatch.Context.transfer("ftp://axxyz", "ftp"))).isTrue();
        assertThat(new FaultMatch(Optional.of("ftp://*x?z"), Optional.empty(), Optional.empty())
                .matches(FaultMatch.Context.transfer("ftp://axyzq", "ftp"))).isFalse();
    }

    @Test
    void theOldestMatchingFaultFiresFirst() {
        plans.add("r1", new FaultSpec(FaultType.STALL_AFTER_BYTES, Map.of("bytes", 10L), 1, false, 1.0,
                FaultMatch.ANY));
        plans.add("r1", new FaultSpec(FaultType.STALL_AFTER_BYTES, Map.of("bytes", 20L), 1, false, 1.0,
                FaultMatch.ANY));

        assertThat(plans.fire("r1", FaultType.STALL_AFTER_BYTES, FTP, "x")).map(f -> f.number("bytes")).hasValue(10L);
        assertThat(plans.fire("r1", FaultType.STALL_AFTER_BYTES, FTP, "x")).map(f -> f.number("bytes")).hasValue(20L);
    }

    @Test
    void peekDoesNotFire() {
        plans.add("r1", new FaultSpec(FaultType.FLASH_FULL, Map.of("bytes", 100L), 1, false, 1.0, FaultMatch.ANY));
        FaultMatch.Context flash0 = FaultMatch.Context.fileSystem("flash0");

        assertThat(plans.peek("r1", FaultType.FLASH_FULL, flash0)).isPresent();
        assertThat(plans.peek("r1", FaultType.FLASH_FULL, flash0)).isPresent();
        assertThat(plans.list("r1").get(0).fired()).isZero();
    }

    @Test
    void resetRemovesEveryFaultOfEveryDevice() {
        plans.add("r1", fail(1, false, 1.0, FaultMatch.ANY));
        plans.add("r2", fail(1, true, 1.0, FaultMatch.ANY));
        plans.add("r2", fail(3, false, 1.0, FaultMatch.ANY));

        assertThat(plans.list()).extracting(FaultView::id).containsExactly("f1", "f2", "f3");
        assertThat(plans.reset()).isEqualTo(3);
        assertThat(plans.list()).isEmpty();
        assertThat(plans.fire("r2", FaultType.TRANSFER_FAIL, FTP, "x")).isEmpty();
        assertThat(plans.add("r1", fail(1, false, 1.0, FaultMatch.ANY)).id()).as("ids are never reused")
                .isEqualTo("f4");
    }
}
