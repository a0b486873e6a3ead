using Micrograd.Datasets;
using Micrograd.Nn;
using ScottPlot;

namespace Micrograd.Samples.MoonsDemo;

/// <summary>Draws the model's score over the plane, with the data points on top, as micrograd's demo notebook does.</summary>
internal static class DecisionBoundaryPlot
{
    private const int Resolution = 120;

    public static void Save(MLP model, Moons data, string path)
    {
        double xMin = data.Points.Min(p => p[0]) - 0.5, xMax = data.Points.Max(p => p[0]) + 0.5;
        double yMin = data.Points.Min(p => p[1]) - 0.5, yMax = data.Points.Max(p => p[1]) + 0.5;

        // Row 0 is the top of the picture, so rows run from yMax down to yMin.
        var predicted = new double[Resolution, Resolution];
        for (int row = 0; row < Resolution; row++)
        {
            double y = yMax - (row + 0.5) * (yMax - yMin) / Resolution;
            for (int column = 0; column < Resolution; column++)
            {
                double x = xMin + (column + 0.5) * (xMax - xMin) / Resolution;
                predicted[row, column] = model.Forward(x, y)[0].Data > 0 ? 1 : 0;
            }
        }

        var plot = new Plot();
        var regions = plot.Add.Heatmap(predicted);
        regions.Extent = new CoordinateRect(xMin, xMax, yMin, yMax);
        regions.Colormap = new ScottPlot.Colormaps.Custom([Color.FromHex("#F8C9C0"), Color.FromHex("#C6D9F5")]);

        AddClass(plot, data, 0, Color.FromHex("#D7301F"), "class 0 (label −1)");
        AddClass(plot, data, 1, Color.FromHex("#2166AC"), "class 1 (label +1)");

        plot.Title("micrograd's demo: MLP(2, [16, 16, 1]) on the moons");
        plot.XLabel("x");
        plot.YLabel("y");
        plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
        plot.ShowLegend(Alignment.LowerLeft);
        plot.SavePng(path, 800, 600);
    }

    private static void AddClass(Plot plot, Moons data, int @class, Color color, string label)
    {
        var indices = Enumerable.Range(0, data.Points.Count).Where(i => data.Classes[i] == @class).ToArray();
        var points = plot.Add.ScatterPoints(
            indices.Select(i => data.Points[i][0]).ToArray(),
            indices.Select(i => data.Points[i][1]).ToArray());
        points.Color = color;
        points.MarkerSize = 8;
        points.LegendText = label;
    }
}
