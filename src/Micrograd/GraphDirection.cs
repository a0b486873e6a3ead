namespace Micrograd;

/// <summary>Which way a graph picture from <see cref="Value.ToDot"/> or <see cref="Value.ToMermaid"/> flows.</summary>
public enum GraphDirection
{
    /// <summary>Inputs on the left, the result on the right, as micrograd draws it.</summary>
    LeftToRight,

    /// <summary>Inputs at the top, the result at the bottom.</summary>
    TopToBottom,
}
