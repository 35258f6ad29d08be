package dev.diffo.admin.support;

/** How to reach the shared embedded store as a server would be reached: its Bolt URI and password. */
public record StoreCredentials(String uri, char[] password) {
}
