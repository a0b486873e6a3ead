using System;
using System.Collections.Generic;

namespace Micrograd.Pictures;

/// <summary>
/// A left-to-right layered drawing of a graph of values, in the manner of Graphviz's <c>dot</c>: value boxes and
/// operation nodes in columns by depth (the result rightmost, each value as close as it can be to the operations
/// that use it), edges spanning several columns routed through invisible waypoints, the order within each column
/// chosen to cross few edges, and heights chosen so that edges run as straight as the order allows.
/// </summary>
internal sealed class GraphLayout
{
    private const double ColumnGap = 46;
    private const double RowGap = 16;
    private const double Margin = 20;
    private const int MaxWaypoints = 20_000;

    private readonly List<Item> _items = new();
    private readonly List<List<Item>> _columns = new();

    /// <summary>Lays out the graph of <paramref name="walk"/>; <paramref name="boxSize"/> and <paramref name="opSize"/> give the sizes of each value's box and operation node.</summary>
    public GraphLayout(GraphWalk walk, Func<Value, (double Width, double Height)> boxSize, Func<Value, (double Width, double Height)> opSize)
    {
        IReadOnlyList<Value> values = walk.Values;
        int count = values.Count;
        Boxes = new Item[count];
        Ops = new Item?[count];

        // Ranks, from the root backwards: every value sits one column left of the first operation that uses it.
        var rank = new int[count];
        var consumers = new List<int>[count];
        for (int id = 0; id < count; id++)
        {
            consumers[id] = new List<int>();
        }

        for (int id = 0; id < count; id++)
        {
            foreach (Value input in walk.DistinctInputs(values[id]))
            {
                consumers[walk.Ids[input]].Add(id);
            }
        }

        int maxRank = 0;
        var ranks = new int[count];
        for (int id = count - 1; id >= 0; id--)
        {
            int depth = 0; // columns from the right edge
            foreach (int consumer in consumers[id])
            {
                depth = Math.Max(depth, ranks[consumer] + 2);
            }

            ranks[id] = depth;
            maxRank = Math.Max(maxRank, depth);
        }

        for (int id = 0; id < count; id++)
        {
            rank[id] = maxRank + 1 - ranks[id]; // column 0 is left free for operations of leaves, never used
        }

        int columnCount = maxRank + 2;
        for (int c = 0; c < columnCount; c++)
        {
            _columns.Add(new List<Item>());
        }

        for (int id = 0; id < count; id++)
        {
            (double w, double h) = boxSize(values[id]);
            Boxes[id] = Add(new Item(rank[id], w, h) { Order = id });
            if (!values[id].IsLeaf)
            {
                (double ow, double oh) = opSize(values[id]);
                Item op = Add(new Item(rank[id] - 1, ow, oh) { Order = id });
                Ops[id] = op;
                Link(op, Boxes[id]);
            }
        }

        // Edges from inputs to operations, with a waypoint in every column they cross, unless that would take
        // too many (a leaf used all along a long chain): then long edges are drawn straight across.
        long waypoints = 0;
        for (int id = 0; id < count; id++)
        {
            if (Ops[id] is Item target)
            {
                foreach (Value input in walk.DistinctInputs(values[id]))
                {
                    waypoints += Math.Max(0, target.Column - Boxes[walk.Ids[input]].Column - 1);
                }
            }
        }

        bool routeThroughColumns = waypoints <= MaxWaypoints;
        Edges = new List<(int From, int To, List<Item> Path)>();
        for (int id = 0; id < count; id++)
        {
            if (Ops[id] is not Item op)
            {
                continue;
            }

            foreach (Value input in walk.DistinctInputs(values[id]))
            {
                int from = walk.Ids[input];
                var path = new List<Item> { Boxes[from] };
                Item previous = Boxes[from];
                for (int c = previous.Column + 1; routeThroughColumns && c < op.Column; c++)
                {
                    Item waypoint = Add(new Item(c, 0, 0) { Order = from, IsWaypoint = true });
                    Link(previous, waypoint);
                    path.Add(waypoint);
                    previous = waypoint;
                }

                Link(previous, op);
                path.Add(op);
                Edges.Add((from, id, path));
            }
        }

        OrderColumns();
        PlaceVertically();
        PlaceHorizontally();
    }

    /// <summary>Each value's box, by the value's number in the walk.</summary>
    public Item[] Boxes { get; }

    /// <summary>Each value's operation node, by the value's number; null for leaves.</summary>
    public Item?[] Ops { get; }

    /// <summary>The edges from an input (by number) to the operation of a value (by number), with the points they pass through.</summary>
    public List<(int From, int To, List<Item> Path)> Edges { get; }

    /// <summary>The width of the whole drawing.</summary>
    public double Width { get; private set; }

    /// <summary>The height of the whole drawing.</summary>
    public double Height { get; private set; }

    private Item Add(Item item)
    {
        _items.Add(item);
        _columns[item.Column].Add(item);
        return item;
    }

    private static void Link(Item from, Item to)
    {
        from.Next.Add(to);
        to.Previous.Add(from);
    }

    // Barycentre sweeps, alternately from the left and from the right, keeping the order with fewest crossings.
    private void OrderColumns()
    {
        foreach (List<Item> column in _columns)
        {
            column.Sort((p, q) => p.Order.CompareTo(q.Order));
            Renumber(column);
        }

        bool countCrossings = _items.Count <= 1500;
        long best = countCrossings ? Crossings() : 0;
        List<Item>[] bestOrder = Snapshot();
        int sweeps = countCrossings ? 12 : 4;
        for (int sweep = 0; sweep < sweeps; sweep++)
        {
            bool fromLeft = sweep % 2 == 0;
            for (int k = 1; k < _columns.Count; k++)
            {
                List<Item> column = _columns[fromLeft ? k : _columns.Count - 1 - k];
                foreach (Item item in column)
                {
                    List<Item> neighbours = fromLeft ? item.Previous : item.Next;
                    if (neighbours.Count == 0)
                    {
                        item.Key = item.Position;
                        continue;
                    }

                    double sum = 0;
                    foreach (Item n in neighbours)
                    {
                        sum += n.Position;
                    }

                    item.Key = sum / neighbours.Count;
                }

                StableSortByKey(column);
                Renumber(column);
            }

            if (countCrossings)
            {
                long crossings = Crossings();
                if (crossings < best)
                {
                    best = crossings;
                    bestOrder = Snapshot();
                }
            }
        }

        if (countCrossings)
        {
            for (int c = 0; c < _columns.Count; c++)
            {
                _columns[c].Clear();
                _columns[c].AddRange(bestOrder[c]);
                Renumber(_columns[c]);
            }
        }
    }

    private static void StableSortByKey(List<Item> column)
    {
        var indexed = new List<(double Key, int Index, Item Item)>(column.Count);
        for (int i = 0; i < column.Count; i++)
        {
            indexed.Add((column[i].Key, i, column[i]));
        }

        indexed.Sort((p, q) => p.Key != q.Key ? p.Key.CompareTo(q.Key) : p.Index.CompareTo(q.Index));
        for (int i = 0; i < column.Count; i++)
        {
            column[i] = indexed[i].Item;
        }
    }

    private static void Renumber(List<Item> column)
    {
        for (int i = 0; i < column.Count; i++)
        {
            column[i].Position = i;
        }
    }

    private List<Item>[] Snapshot()
    {
        var copy = new List<Item>[_columns.Count];
        for (int c = 0; c < _columns.Count; c++)
        {
            copy[c] = new List<Item>(_columns[c]);
        }

        return copy;
    }

    private long Crossings()
    {
        long crossings = 0;
        var segments = new List<(int Top, int Bottom)>();
        foreach (List<Item> column in _columns)
        {
            segments.Clear();
            foreach (Item item in column)
            {
                foreach (Item next in item.Next)
                {
                    segments.Add((item.Position, next.Position));
                }
            }

            for (int i = 0; i < segments.Count; i++)
            {
                for (int j = i + 1; j < segments.Count; j++)
                {
                    if ((segments[i].Top - segments[j].Top) * (long)(segments[i].Bottom - segments[j].Bottom) < 0)
                    {
                        crossings++;
                    }
                }
            }
        }

        return crossings;
    }

    // Heights: each item moves toward the mean height of its neighbours, keeping its column's order and gaps;
    // the best placement of a column for given wishes is an isotonic regression (pool adjacent violators).
    private void PlaceVertically()
    {
        foreach (List<Item> column in _columns)
        {
            double y = 0;
            foreach (Item item in column)
            {
                item.Y = y + item.Height / 2;
                y += item.Height + Gap(item);
            }
        }

        for (int iteration = 0; iteration < 24; iteration++)
        {
            bool fromLeft = iteration % 2 == 0;
            for (int k = 0; k < _columns.Count; k++)
            {
                List<Item> column = _columns[fromLeft ? k : _columns.Count - 1 - k];
                if (column.Count == 0)
                {
                    continue;
                }

                var wishes = new double[column.Count];
                for (int i = 0; i < column.Count; i++)
                {
                    Item item = column[i];
                    double sum = 0;
                    int n = 0;
                    foreach (Item p in item.Previous)
                    {
                        sum += p.Y;
                        n++;
                    }

                    foreach (Item p in item.Next)
                    {
                        sum += p.Y;
                        n++;
                    }

                    wishes[i] = n == 0 ? item.Y : sum / n;
                }

                Fit(column, wishes);
            }
        }

        double top = double.MaxValue, bottom = double.MinValue;
        foreach (Item item in _items)
        {
            top = Math.Min(top, item.Y - item.Height / 2);
            bottom = Math.Max(bottom, item.Y + item.Height / 2);
        }

        foreach (Item item in _items)
        {
            item.Y += Margin - top;
        }

        Height = bottom - top + 2 * Margin;
    }

    private static double Gap(Item item) => item.IsWaypoint ? RowGap / 2 : RowGap;

    // Positions y[i] as close to wishes[i] as possible (least squares) with y[i+1] - y[i] >= the needed separation.
    private static void Fit(List<Item> column, double[] wishes)
    {
        int n = column.Count;
        var offset = new double[n];
        for (int i = 1; i < n; i++)
        {
            Item above = column[i - 1], below = column[i];
            offset[i] = offset[i - 1] + above.Height / 2 + Math.Max(Gap(above), Gap(below)) + below.Height / 2;
        }

        // Pool adjacent violators on z = y - offset, which must not decrease.
        var blockValue = new List<double>();
        var blockWeight = new List<int>();
        for (int i = 0; i < n; i++)
        {
            blockValue.Add(wishes[i] - offset[i]);
            blockWeight.Add(1);
            while (blockValue.Count > 1 && blockValue[blockValue.Count - 2] > blockValue[blockValue.Count - 1])
            {
                int last = blockValue.Count - 1;
                int weight = blockWeight[last] + blockWeight[last - 1];
                double merged = (blockValue[last] * blockWeight[last] + blockValue[last - 1] * blockWeight[last - 1]) / weight;
                blockValue.RemoveAt(last);
                blockWeight.RemoveAt(last);
                blockValue[last - 1] = merged;
                blockWeight[last - 1] = weight;
            }
        }

        int index = 0;
        for (int b = 0; b < blockValue.Count; b++)
        {
            for (int k = 0; k < blockWeight[b]; k++, index++)
            {
                column[index].Y = blockValue[b] + offset[index];
            }
        }
    }

    private void PlaceHorizontally()
    {
        double x = Margin;
        foreach (List<Item> column in _columns)
        {
            double width = 0;
            foreach (Item item in column)
            {
                width = Math.Max(width, item.Width);
            }

            foreach (Item item in column)
            {
                item.X = x + width / 2;
                item.ColumnLeft = x;
                item.ColumnRight = x + width;
            }

            if (column.Count > 0)
            {
                x += width + ColumnGap;
            }
        }

        Width = x - ColumnGap + Margin;
    }

    /// <summary>A box, an operation node or an edge's waypoint: its centre, its size and its column's extent.</summary>
    internal sealed class Item
    {
        public Item(int column, double width, double height)
        {
            Column = column;
            Width = width;
            Height = height;
        }

        public int Column { get; }

        public double Width { get; }

        public double Height { get; }

        public bool IsWaypoint { get; set; }

        public double X { get; set; }

        public double Y { get; set; }

        public double ColumnLeft { get; set; }

        public double ColumnRight { get; set; }

        internal int Order { get; set; }

        internal int Position { get; set; }

        internal double Key { get; set; }

        internal List<Item> Previous { get; } = new();

        internal List<Item> Next { get; } = new();
    }
}
