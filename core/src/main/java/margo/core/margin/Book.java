package margo.core.margin;

import java.util.List;

/**
 * The accounts of a book, in the order they first appear in its file.
 *
 * @param accounts the accounts, names unique
 */
public record Book(List<Account> accounts) {

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
