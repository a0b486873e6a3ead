using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Micrograd;

public partial class Value
{
    /// <summary>
    /// An operation of your own, in the style of micrograd's 2026 engine: you compute the result and its local
    /// derivatives (the partial derivative of the result with respect to each input, at these inputs), and
    /// <see cref="Backward"/> does the chaining. The new value's <see cref="Operator"/> is <paramref name="name"/>, and
    /// it takes part in <see cref="Inputs"/> and the graph pictures like any built-in operation.
    /// </summary>
    /// <param name="name">The operation's name, shown by <see cref="Operator"/> and in graph pictures.</param>
    /// <param name="inputs">The values the result is computed from. A value may appear more than once.</param>
    /// <param name="data">The result.</param>
    /// <param name="localGradients">∂result/∂input for each input, in the same order.</param>
    /// <returns>A new value whose gradient flows to <c>inputs[i]</c> times <c>localGradients[i]</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="inputs"/> or <paramref name="localGradients"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or the two lists have different lengths.</exception>
    /// <example>
    /// <code>
    /// // softsign(x) = x / (1 + |x|), with d/dx = 1 / (1 + |x|)²
    /// static Value Softsign(Value x)
    /// {
    ///     double d = 1 + Math.Abs(x.Data);
    ///     return Value.Function("softsign", [x], x.Data / d, [1 / (d * d)]);
    /// }
    /// </code>
    /// </example>
    public static Value Function(string name, IReadOnlyList<Value> inputs, double data, IReadOnlyList<double> localGradients)
    {
        Value[] ownInputs = FunctionInputs(name, inputs);
        ArgumentChecks.NotNull(localGradients, nameof(localGradients));
        CheckGradientCount(ownInputs.Length, localGradients.Count);
        var numbers = new double[ownInputs.Length];
        for (int i = 0; i < numbers.Length; i++)
        {
            numbers[i] = localGradients[i];
        }

        return new WideNode<UserFunction>(new UserFunction(name, ownInputs, data, numbers));
    }

    /// <summary>
    /// An operation of your own whose local derivatives are themselves values computed from the inputs, so that
    /// <see cref="Gradients.Of"/> with <c>createGraph: true</c> can differentiate through it again, to any order.
    /// Otherwise the same as <see cref="Function(string, IReadOnlyList{Value}, double, IReadOnlyList{double})"/>,
    /// which stops a second derivative with a <see cref="NotSupportedException"/>.
    /// </summary>
    /// <param name="name">The operation's name, shown by <see cref="Operator"/> and in graph pictures.</param>
    /// <param name="inputs">The values the result is computed from. A value may appear more than once.</param>
    /// <param name="data">The result.</param>
    /// <param name="localGradients">
    /// ∂result/∂input for each input, in the same order, built from the inputs with <see cref="Value"/> arithmetic.
    /// <see cref="Backward"/> uses their data; <see cref="Gradients.Of"/> differentiates them.
    /// </param>
    /// <returns>A new value whose gradient flows to <c>inputs[i]</c> times <c>localGradients[i]</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="inputs"/> or <paramref name="localGradients"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentNullException">Either list contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or the two lists have different lengths.</exception>
    /// <example>
    /// <code>
    /// // softsign(x) = x / (1 + |x|), with d/dx = 1 / (1 + |x|)², as a value so that it has derivatives too
    /// static Value Softsign(Value x)
    /// {
    ///     Value d = 1 + x.Abs();
    ///     return Value.Function("softsign", [x], x.Data / d.Data, [1 / (d * d)]);
    /// }
    /// </code>
    /// </example>
    public static Value Function(string name, IReadOnlyList<Value> inputs, double data, IReadOnlyList<Value> localGradients)
    {
        Value[] ownInputs = FunctionInputs(name, inputs);
        Value[] gradientValues = CopyVector(localGradients, nameof(localGradients));
        CheckGradientCount(ownInputs.Length, gradientValues.Length);
        return new WideNode<UserFunction>(new UserFunction(name, ownInputs, data, Array.ConvertAll(gradientValues, gradient => gradient._data), gradientValues));
    }

    /// <summary>
    /// An operation of your own, given as a function that computes the result and the local derivatives from the
    /// inputs' data. Unlike <see cref="Function(string, IReadOnlyList{Value}, double, IReadOnlyList{double})"/>,
    /// the node can compute itself again, so a <see cref="CompiledGraph"/> can replay it.
    /// </summary>
    /// <param name="name">The operation's name, shown by <see cref="Operator"/> and in graph pictures.</param>
    /// <param name="inputs">The values the result is computed from.</param>
    /// <param name="evaluate">
    /// Given the inputs' data (first argument) and an array to fill with ∂result/∂input for each input (second
    /// argument, as long as the inputs), returns the result. It is called now and again at every
    /// <see cref="CompiledGraph.Forward"/>; both arrays are reused from call to call.
    /// </param>
    /// <returns>A new value whose gradient flows to each input times its local gradient.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="inputs"/> or <paramref name="evaluate"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <example>
    /// <code>
    /// static Value Softsign(Value x) => Value.Function("softsign", [x], (input, gradients) =>
    /// {
    ///     double d = 1 + Math.Abs(input[0]);
    ///     gradients[0] = 1 / (d * d);
    ///     return input[0] / d;
    /// });
    /// </code>
    /// </example>
    public static Value Function(string name, IReadOnlyList<Value> inputs, Func<double[], double[], double> evaluate)
    {
        Value[] ownInputs = FunctionInputs(name, inputs);
        ArgumentChecks.NotNull(evaluate, nameof(evaluate));
        return new WideNode<UserFunction>(new UserFunction(name, ownInputs, evaluate));
    }

    /// <summary>
    /// An operation of your own that works everywhere: <paramref name="evaluate"/> computes the result and the local
    /// derivatives as numbers (for <see cref="Backward"/> and for every <see cref="CompiledGraph.Forward"/>), and
    /// <paramref name="localGradients"/> builds the local derivatives as values from the inputs, so that
    /// <see cref="Gradients.Of"/> with <c>createGraph: true</c> can differentiate through it to any order, also after a
    /// replay.
    /// </summary>
    /// <param name="name">The operation's name, shown by <see cref="Operator"/> and in graph pictures.</param>
    /// <param name="inputs">The values the result is computed from.</param>
    /// <param name="evaluate">As in <see cref="Function(string, IReadOnlyList{Value}, Func{double[], double[], double})"/>.</param>
    /// <param name="localGradients">
    /// Given the inputs, builds ∂result/∂input for each of them with <see cref="Value"/> arithmetic; called once per
    /// <see cref="Gradients.Of"/> sweep that builds a graph.
    /// </param>
    /// <returns>A new value whose gradient flows to each input times its local gradient.</returns>
    /// <exception cref="ArgumentNullException">An argument, or an element of <paramref name="inputs"/>, is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <example>
    /// <code>
    /// // softsign(x) = x / (1 + |x|), with d/dx = 1 / (1 + |x|)², in every mode
    /// static Value Softsign(Value x) => Value.Function(
    ///     "softsign",
    ///     [x],
    ///     (input, gradients) =>
    ///     {
    ///         double d = 1 + Math.Abs(input[0]);
    ///         gradients[0] = 1 / (d * d);
    ///         return input[0] / d;
    ///     },
    ///     inputs => [1 / (1 + inputs[0].Abs()).Pow(2)]);
    /// </code>
    /// </example>
    public static Value Function(
        string name, IReadOnlyList<Value> inputs, Func<double[], double[], double> evaluate, Func<IReadOnlyList<Value>, IReadOnlyList<Value>> localGradients)
    {
        Value[] ownInputs = FunctionInputs(name, inputs);
        ArgumentChecks.NotNull(evaluate, nameof(evaluate));
        ArgumentChecks.NotNull(localGradients, nameof(localGradients));
        return new WideNode<UserFunction>(new UserFunction(name, ownInputs, evaluate, localGradients));
    }

    /// <summary>The checks every overload makes of the name and the inputs; returns the inputs for the node to keep.</summary>
    private static Value[] FunctionInputs(string name, IReadOnlyList<Value> inputs)
    {
        ArgumentChecks.NotNull(name, nameof(name));
        if (name.Length == 0)
        {
            throw new ArgumentException("An operation of your own needs a name: an empty Operator is what marks a leaf.", nameof(name));
        }

        return CopyVector(inputs, nameof(inputs));
    }

    private static void CheckGradientCount(int inputs, int gradients)
    {
        if (gradients != inputs)
        {
            throw new ArgumentException(
                "There must be one local gradient per input: inputs has " + ArgumentChecks.Count(inputs, "value") + " and localGradients has "
                + ArgumentChecks.Count(gradients, "gradient") + ".",
                "localGradients");
        }
    }

    /// <summary>
    /// Why <paramref name="node"/> cannot compute itself again for a <see cref="CompiledGraph"/>, or <see langword="null"/>
    /// when it can. Only an operation of your own can lack what replay needs.
    /// </summary>
    internal static string? WhyNotReplayable(Node node) => node is WideNode<UserFunction> user ? user.Operation.WhyNotReplayable : null;
}

/// <summary>
/// An operation of your own: the value and local gradients the caller gave as numbers, or computes with an evaluate
/// function, and, for a graph of derivatives, the local gradients as values.
/// </summary>
internal readonly struct UserFunction : IWideFunction
{
    private readonly string _name;
    private readonly Value[] _inputs;
    private readonly bool _hasComputed;
    private readonly double _data; // as given, when there is no evaluate function
    private readonly double[] _localGradients; // at the inputs' current data
    private readonly Func<double[], double[], double>? _evaluate;
    private readonly double[]? _inputData;

    /// <summary>An operation whose value and local gradients are numbers (and values, if <paramref name="gradientValues"/> is given).</summary>
    public UserFunction(string name, Value[] inputs, double data, double[] localGradients, Value[]? gradientValues = null)
    {
        _name = name;
        _inputs = inputs;
        _hasComputed = Value.HasComputedValue(inputs);
        _data = data;
        _localGradients = localGradients;
        _evaluate = null;
        _inputData = null;
        GradientValues = gradientValues;
        GradientGraph = null;
    }

    /// <summary>An operation that computes itself with <paramref name="evaluate"/> (and builds its local gradients with <paramref name="gradientGraph"/>, if given).</summary>
    public UserFunction(string name, Value[] inputs, Func<double[], double[], double> evaluate, Func<IReadOnlyList<Value>, IReadOnlyList<Value>>? gradientGraph = null)
    {
        _name = name;
        _inputs = inputs;
        _hasComputed = Value.HasComputedValue(inputs);
        _data = 0.0;
        _localGradients = new double[inputs.Length];
        _evaluate = evaluate;
        _inputData = new double[inputs.Length];
        GradientValues = null;
        GradientGraph = gradientGraph;
    }

    /// <summary>The local gradients as values of the graph, when the caller gave them so.</summary>
    public Value[]? GradientValues { get; }

    /// <summary>Builds the local gradients as values from the inputs, when the caller gave such a function.</summary>
    public Func<IReadOnlyList<Value>, IReadOnlyList<Value>>? GradientGraph { get; }

    public string Name => _name;

    public string DerivativeText => "out = " + _name + "(…):  ∂out/∂inputᵢ as given by its definition";

    public IReadOnlyList<Value> Inputs => Array.AsReadOnly(_inputs);

    public Value.InputLists Lists => new(first: _hasComputed ? _inputs : null);

    public string? WhyNotReplayable => _evaluate is not null
        ? null
        : "the user-defined operation '" + _name + "' was given "
          + (GradientValues is null ? "its value and local gradients as numbers, so it cannot compute them" : "its value as a number, so it cannot compute it")
          + " again for new inputs; make it with a Value.Function overload that takes an evaluate function";

    // The caller's function computes the value and fills the local gradients; without one, the value stays as given.
    public double Forward()
    {
        if (_evaluate is null)
        {
            return _data;
        }

        for (int i = 0; i < _inputData!.Length; i++)
        {
            _inputData[i] = _inputs[i].Data;
        }

        return _evaluate(_inputData, _localGradients);
    }

    // d(result)/d(input i) = localGradients[i], as given: numbers, or values that have derivatives of their own
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the node type's Backward, where a number stays a number
    public void Backward<TSink>(Scalar gradient, Scalar output, TSink sink)
        where TSink : struct, IGradientSink
    {
        IReadOnlyList<Value>? values = sink.BuildsGraph ? GradientsAsValues() : null;
        Value[] inputs = _inputs;
        double[] localGradients = _localGradients;
        for (int i = 0; i < inputs.Length; i++)
        {
            Scalar local = values is null ? localGradients[i] : sink.Operand(values[i]);
            sink.Add(inputs[i], gradient * local);
        }
    }

    private IReadOnlyList<Value> GradientsAsValues()
    {
        if (GradientValues is not null)
        {
            return GradientValues;
        }

        if (GradientGraph is null)
        {
            throw new NotSupportedException(
                "Cannot differentiate through the user-defined operation '" + _name + "' with createGraph: true: its local "
                + "gradients are numbers" + (_evaluate is null ? string.Empty : " from its evaluate function")
                + ", which have no derivatives of their own. Make it with a Value.Function overload whose localGradients are values "
                + "built from the inputs (Value.Function(name, inputs, data, IReadOnlyList<Value> localGradients), or "
                + "Value.Function(name, inputs, evaluate, localGradients)); those can be differentiated to any order.");
        }

        IReadOnlyList<Value> built = GradientGraph(Array.AsReadOnly(_inputs))
            ?? throw new InvalidOperationException("The localGradients function of '" + _name + "' returned null.");
        if (built.Count != _inputs.Length)
        {
            throw new InvalidOperationException(
                "The localGradients function of '" + _name + "' returned " + ArgumentChecks.Count(built.Count, "value") + " for "
                + ArgumentChecks.Count(_inputs.Length, "input") + ".");
        }

        ArgumentChecks.Elements(built, "localGradients");
        return built;
    }
}
