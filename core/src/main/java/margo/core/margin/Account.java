package margo.core.margin;

import java.io.Serializable;
import java.util.List;

/**
 * A margin account: its cross-margin pool and any isolated groups.
 *
 * @param name   the account's name, e.g. {@code covered-call}
 * @param groups the margin groups, not empty; at most one is the cross pool (empty label)
 */
public record Account(String name, List<MarginGroup> groups) implements Serializable {

    public Account {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be empty");
        }
        if (groups == null || groups.isEmpty()) {
            throw new IllegalArgumentException("groups must not be empty (account " + name + ")");
        }
        groups = List.copyOf(groups);
        java.util.Set<String> labels = new java.util.HashSet<>();
        for (MarginGroup group : groups) {
            if (!labels.add(group.label())) {
                throw new IllegalArgumentException("account " + name + " has two groups labelled '" + group.label() + "'");
            }
        }
    }

    /** A cross-margined account: one pool. */
    public static Account cross(String name, List<Position> positions, List<Collateral> collateral) {
        return new Account(name, List.of(new MarginGroup("", positions, collateral)));
    }

    /** The group with this label ({@code ""} for the cross pool). */
    public MarginGroup group(String label) {
        for (MarginGroup group : groups) {
            if (group.label().equals(label)) {
                return group;
            }
        }
        throw new IllegalArgumentException("account " + name + " has no margin group '" + label + "'");
    }

    /** Every position of the account, groups in order. */
    public List<Position> positions() {
        List<Position> all = new java.util.ArrayList<>();
        for (MarginGroup group : groups) {
            all.addAll(group.positions());
        }
        return all;
    }
}
