package dev.diffo.admin.ui;

/**
 * The icon of each kind of thing the screens show (Material Design 2, through Ikonli): one list for the catalogue
 * tree's rows and the graph's nodes (and its legend), so a frozen major, an instance or a party looks the same
 * wherever it is drawn. A view maps its own kinds onto these; {@code LookAndFeelSourcesTest} checks each literal
 * exists in the pack.
 */
public enum KindIcon {
    SERVICE_SPECIFICATION("mdi2r-room-service-outline"),
    RESOURCE_SPECIFICATION("mdi2c-chip"),
    CURRENT_MAJOR("mdi2t-tag-outline"),
    FROZEN_MAJOR("mdi2s-snowflake"),
    WITHDRAWN_MAJOR("mdi2a-archive-cancel"),
    /** Many instances drawn as one (a specification's, or an RSP's share of them). */
    INSTANCES("mdi2l-layers-triple-outline"),
    INSTANCE("mdi2c-cube-outline"),
    CHARACTERISTIC("mdi2t-tune-variant"),
    PARTY("mdi2a-account-group"),
    MIGRATION_RUN("mdi2s-swap-horizontal"),
    MORE("mdi2d-dots-horizontal"),
    OTHER("mdi2c-circle-outline");

    private final String literal;

    KindIcon(String literal) {
        this.literal = literal;
    }

    /** The Ikonli icon literal ({@code FontIcon.setIconLiteral}). */
    public String literal() {
        return literal;
    }
}
