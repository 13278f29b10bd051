package margo.core.margin;

import java.io.Serializable;
import java.util.List;

/**
 * The accounts of a book, in the order they first appear in its file.
 *
 * @param accounts the accounts, names unique
 */
public record Book(List<Account> accounts) implements Serializable {

    public Book {
        if (accounts == null) {
            throw new IllegalArgumentException("accounts must not be null");
        }
        accounts = List.copyOf(accounts);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Account account : accounts) {
            if (!names.add(account.name())) {
                throw new IllegalArgumentException("two accounts are named " + account.name());
            }
        }
    }

    /**
     * This book with every collateral holding in {@code currency} at {@code haircut}, the other holdings and the
     * positions unchanged: a haircut calibrated from the coin's history replacing the one the book's file wrote.
     *
     * @throws IllegalArgumentException unless the haircut is a fraction in [0, 1)
     */
    public Book withHaircut(String currency, double haircut) {
        List<Account> changed = new java.util.ArrayList<>(accounts.size());
        for (Account account : accounts) {
            List<MarginGroup> groups = new java.util.ArrayList<>(account.groups().size());
            for (MarginGroup group : account.groups()) {
                List<Collateral> collateral = new java.util.ArrayList<>(group.collateral().size());
                for (Collateral holding : group.collateral()) {
                    collateral.add(holding.currency().equals(currency) ? holding.withHaircut(haircut) : holding);
                }
                groups.add(new MarginGroup(group.label(), group.positions(), collateral));
            }
            changed.add(new Account(account.name(), groups));
        }
        return new Book(changed);
    }

    /** The account with this name. */
    public Account account(String name) {
        for (Account account : accounts) {
            if (account.name().equals(name)) {
                return account;
            }
        }
        throw new IllegalArgumentException("the book has no account '" + name + "'");
    }
}
