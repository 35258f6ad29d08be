package dev.diffo.admin.ui;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;

/** Table cells the screens share. */
public final class Cells {

    private Cells() {
    }

    /** A text cell that shows its whole text on hover: a long value is cut at the column's edge. */
    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> wholeTextOnHover() {
        return column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isBlank() ? null : new Tooltip(text));
            }
        };
    }
}
