package dev.diffo.admin.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places the view's nodes with Eclipse ELK's layered (Sugiyama) layout, left to right: a specification's majors in
 * a row of lineage, what hangs off each in the layers after it. Pure computation: sizes in, positions out.
 */
public final class GraphLayout {

    /** A node to place: its id and the size it is drawn at. */
    public record Box(String id, double width, double height) {
    }

    /** Where a node's top-left corner goes. */
    public record Point(double x, double y) {
    }

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private GraphLayout() {
    }

    /** Positions for every box; edges are pairs of box ids (edges naming an unknown box are ignored). */
    public static Map<String, Point> layout(List<Box> boxes, List<Map.Entry<String, String>> edges) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 18.0);
        root.setProperty(org.eclipse.elk.alg.layered.options.LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 70.0);
        Map<String, ElkNode> nodes = new HashMap<>();
        for (Box box : boxes) {
            ElkNode node = ElkGraphUtil.createNode(root);
            node.setIdentifier(box.id());
            node.setDimensions(box.width(), box.height());
            nodes.put(box.id(), node);
        }
        for (Map.Entry<String, String> edge : edges) {
            ElkNode from = nodes.get(edge.getKey());
            ElkNode to = nodes.get(edge.getValue());
            if (from != null && to != null && from != to) {
                ElkGraphUtil.createSimpleEdge(from, to);
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        Map<String, Point> points = new HashMap<>();
        nodes.forEach((id, node) -> points.put(id, new Point(node.getX(), node.getY())));
        return points;
    }
}
