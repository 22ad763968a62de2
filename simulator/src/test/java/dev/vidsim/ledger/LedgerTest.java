package dev.vidsim.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.money.Money;
import dev.vidsim.pricing.Shared;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final List<LedgerEntry> posted = new ArrayList<>();
  private final Ledger ledger = new Ledger(posted::add);

  private static Money m(String s) {
    return Money.parse(s);
  }

  @Test
  void balance_is_derived_from_topups_charges_and_refunds() {
    LedgerEntry topUp = ledger.topUp("a", m("10.00"), "opening", T0);
    LedgerEntry charge = ledger.charge("a", m("0.50"), "j1", "k1", "task", T0);
    LedgerEntry refund = ledger.refund("a", m("0.20"), "j1", "k1", "partial", T0);
    // each call answers the line it wrote, as posted
    assertThat(List.of(topUp, charge, refund)).isEqualTo(posted);
    Balance b = ledger.balance("a");
    assertThat(b.balance()).isEqualTo(m("9.70"));
    assertThat(b.spent()).isEqualTo(m("0.30"));
    assertThat(b.available()).isEqualTo(m("9.70"));
    assertThat(posted).extracting(LedgerEntry::type)
        .containsExactly(EntryType.TOPUP, EntryType.CHARGE, EntryType.REFUND);
  }

  @Test
  void a_hold_reserves_money_until_it_is_settled() {
    ledger.topUp("a", m("1.00"), "opening", T0);
    String hold = ledger.hold("a", m("0.80"), "j1", null, "8 s", T0);
    assertThat(ledger.balance("a")).isEqualTo(new Balance(m("1.00"), m("0.80"), m("0.20"),
        m("0.00")));
    ledger.settle(hold, m("0.60"), "delivered 6 s", T0);
    assertThat(ledger.balance("a")).isEqualTo(new Balance(m("0.40"), m("0.00"), m("0.40"),
        m("0.60")));
    assertThat(posted).extracting(LedgerEntry::type).containsExactly(
        EntryType.TOPUP, EntryType.HOLD, EntryType.CAPTURE, EntryType.RELEASE);
  }

  @Test
  void a_hold_settles_exactly_once() {
    ledger.topUp("a", m("1.00"), "opening", T0);
    String hold = ledger.hold("a", m("0.80"), "j1", null, "8 s", T0);
    assertThat(ledger.isOpen(hold)).isTrue();
    ledger.settle(hold, Money.ZERO, "refund", T0);
    assertThatThrownBy(() -> ledger.settle(hold, m("0.80"), "again", T0))
        .hasMessageContaining("unknown or already settled");
    assertThatThrownBy(() -> ledger.hold("a", m("0.10"), "j1", null, "again", T0))
        .hasMessageContaining("already has a hold");
    assertThat(ledger.balance("a").balance()).isEqualTo(m("1.00"));
    assertThat(ledger.isOpen(hold)).isFalse();
  }

  @Test
  void capture_cannot_exceed_the_hold() {
    ledger.topUp("a", m("1.00"), "opening", T0);
    String hold = ledger.hold("a", m("0.50"), "j1", null, "5 s", T0);
    assertThatThrownBy(() -> ledger.settle(hold, m("0.51"), "too much", T0))
        .hasMessageContaining("exceeds hold");
  }

  @Test
  void insufficient_funds_write_no_entry() {
    ledger.topUp("a", m("0.40"), "opening", T0);
    ledger.hold("a", m("0.30"), "j1", null, "held", T0);
    int before = posted.size();
    assertThatThrownBy(() -> ledger.charge("a", m("0.20"), "j2", null, "task", T0))
        .isInstanceOf(InsufficientFundsException.class)
        .hasMessage("needs 0.20 but only 0.10 is available");
    assertThatThrownBy(() -> ledger.hold("a", m("0.11"), "j3", null, "held", T0))
        .isInstanceOf(InsufficientFundsException.class);
    assertThat(posted).hasSize(before);
    assertThat(ledger.entries("a")).hasSize(before);
  }

  @Test
  void tenants_are_isolated() {
    ledger.topUp("a", m("1.00"), "opening", T0);
    ledger.topUp("b", m("2.00"), "opening", T0);
    ledger.charge("a", m("1.00"), "j1", null, "task", T0);
    assertThat(ledger.balance("a").balance()).isEqualTo(Money.ZERO);
    assertThat(ledger.balance("b").balance()).isEqualTo(m("2.00"));
    assertThat(ledger.all()).extracting(LedgerEntry::seq).containsExactly(1L, 2L, 3L);
  }

  @Test
  void amounts_are_positive() {
    assertThatThrownBy(() -> ledger.topUp("a", Money.ZERO, "nothing", T0))
        .hasMessageContaining("positive");
  }

  @Test
  void a_job_whose_hold_settled_cannot_be_held_again() {
    ledger.topUp("a", m("1.00"), "opening", T0);
    String hold = ledger.hold("a", m("0.50"), "j1", null, "5 s", T0);
    ledger.settle(hold, m("0.50"), "delivered", T0);
    // a second hold on a finished job would charge it twice
    assertThatThrownBy(() -> ledger.hold("a", m("0.10"), "j1", null, "again", T0))
        .hasMessageContaining("already has a hold");
    assertThat(ledger.balance("a").balance()).isEqualTo(m("0.50"));
  }

  @Test
  void a_job_lines_are_shown_only_to_its_tenant() {
    ledger.topUp("a", m("1.00"), "opening", T0);
    ledger.topUp("b", m("1.00"), "opening", T0);
    ledger.charge("a", m("0.30"), "j1", "k1", "task", T0);
    assertThat(ledger.entriesForJob("a", "j1")).extracting(LedgerEntry::amount)
        .containsExactly(m("0.30"));
    assertThat(ledger.entriesForJob("b", "j1")).isEmpty();
  }

  @Test
  void hold_lines_name_their_hold_and_other_lines_none() {
    ledger.topUp("a", m("1.00"), "opening", T0);
    String hold = ledger.hold("a", m("0.50"), "j1", "k1", "5 s", T0);
    ledger.settle(hold, m("0.20"), "delivered", T0);
    ledger.charge("a", m("0.10"), "j1", "k1", "flat fee", T0);
    assertThat(hold).isEqualTo("hold_j1");
    // hold, capture, release: the hold's id; topup and charge: none
    assertThat(posted).extracting(LedgerEntry::type, LedgerEntry::holdId).containsExactly(
        org.assertj.core.groups.Tuple.tuple(EntryType.TOPUP, null),
        org.assertj.core.groups.Tuple.tuple(EntryType.HOLD, "hold_j1"),
        org.assertj.core.groups.Tuple.tuple(EntryType.CAPTURE, "hold_j1"),
        org.assertj.core.groups.Tuple.tuple(EntryType.RELEASE, "hold_j1"),
        org.assertj.core.groups.Tuple.tuple(EntryType.CHARGE, null));
  }

  @Test
  void equal_rule_texts_share_one_string_up_to_the_bound() {
    ledger.topUp("a", m("1000.00"), "opening", T0);
    LedgerEntry first = ledger.charge("a", m("0.10"), "j1", null, new String("1 video x 0.10"),
        T0);
    LedgerEntry second = ledger.charge("a", m("0.10"), "j2", null, new String("1 video x 0.10"),
        T0);
    // a million jobs at one price keep one text, not a million
    assertThat(second.rule()).isSameAs(first.rule());
    for (int i = 0; i < Shared.DISTINCT_MAX; i++) {
      ledger.charge("a", m("0.01"), "d" + i, null, "distinct " + i, T0);
    }
    String late = new String("one text too many");
    LedgerEntry past = ledger.charge("a", m("0.10"), "j3", null, late, T0);
    LedgerEntry again = ledger.charge("a", m("0.10"), "j4", null, new String(late), T0);
    // past the bound texts are kept exactly as given, each its own
    assertThat(past.rule()).isSameAs(late);
    assertThat(again.rule()).isEqualTo(late).isNotSameAs(late);
  }
}
