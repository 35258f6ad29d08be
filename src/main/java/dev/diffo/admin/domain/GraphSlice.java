package dev.diffo.admin.domain;

import java.util.List;

/** Nodes and edges read for one step of the graph view (an opening or an expansion); never more than the cap asked for. */
public record GraphSlice(List<GraphNode> nodes, List<Edge> edges) {

    /** An edge between two nodes of the view, by their references, with the relationship type it shows. */
    public record Edge(GraphRef from, GraphRef to, String type) {
    }

    public GraphSlice {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public static GraphSlice empty() {
        return new GraphSlice(List.of(), List.of());
    }
}
