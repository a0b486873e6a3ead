using System;
using System.Collections.Generic;

namespace Micrograd.Nn;

/// <summary>
/// Loss functions over values: each returns one value to call <see cref="Value.Backward"/> on. Losses over a batch
/// are means, as PyTorch's default reduction is.
/// </summary>
public static class Losses
{
    /// <summary>Mean squared error: mean of (prediction − target)².</summary>
    /// <param name="predictions">The model's outputs.</param>
    /// <param name="targets">The wanted outputs, one per prediction.</param>
    /// <returns>The mean squared error.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The lists are empty or of different lengths.</exception>
    /// <example>
    /// <code>
    /// Value loss = Losses.MeanSquaredError(predictions, [1.0, -1.0, -1.0, 1.0]);
    /// </code>
    /// </example>
    public static Value MeanSquaredError(IReadOnlyList<Value> predictions, IReadOnlyList<double> targets)
    {
        CheckBatch(predictions, targets, nameof(predictions), nameof(targets));
        var terms = new Value[predictions.Count];
        for (int i = 0; i < terms.Length; i++)
        {
            terms[i] = (predictions[i] - targets[i]).Pow(2);
        }

        return Mean(terms);
    }

    /// <summary>
    /// The max-margin (hinge) loss of micrograd's demo: mean of max(0, 1 − label × score), for labels −1 and +1.
    /// </summary>
    /// <param name="scores">The model's outputs.</param>
    /// <param name="labels">The classes, −1 or +1, one per score (not 0 and 1: <see cref="Datasets.Moons.SignedLabels"/> gives them so).</param>
    /// <returns>The mean hinge loss.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The lists are empty or of different lengths, or a label is neither −1 nor +1.</exception>
    public static Value Hinge(IReadOnlyList<Value> scores, IReadOnlyList<double> labels)
    {
        CheckBatch(scores, labels, nameof(scores), nameof(labels));
        var terms = new Value[scores.Count];
        for (int i = 0; i < terms.Length; i++)
        {
            double label = labels[i];
            if (label is not (1 or -1))
            {
                throw new ArgumentException(
                    "labels[" + i + "] is " + Number(label) + "; the hinge loss takes labels −1 and +1 only.", nameof(labels));
            }

            Value score = scores[i];
            terms[i] = (label == 1 ? 1 - score : 1 + score).Relu(); // max(0, 1 − label × score)
        }

        return Mean(terms);
    }

    /// <summary>
    /// Binary cross-entropy on logits, in the numerically stable form softplus(x) − x × target, which never
    /// overflows however large the logits grow.
    /// </summary>
    /// <param name="logits">The model's raw outputs (before any sigmoid).</param>
    /// <param name="targets">The probabilities of the positive class, from 0 to 1 (usually 0 or 1, never −1), one per logit.</param>
    /// <returns>The mean binary cross-entropy.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The lists are empty or of different lengths, or a target is outside [0, 1].</exception>
    public static Value BinaryCrossEntropyWithLogits(IReadOnlyList<Value> logits, IReadOnlyList<double> targets)
    {
        CheckBatch(logits, targets, nameof(logits), nameof(targets));
        var terms = new Value[logits.Count];
        for (int i = 0; i < terms.Length; i++)
        {
            double target = targets[i];
            if (!(target >= 0 && target <= 1))
            {
                throw new ArgumentException(
                    "targets[" + i + "] is " + Number(target) + "; binary cross-entropy takes targets from 0 to 1 only.", nameof(targets));
            }

            terms[i] = logits[i].Softplus() - logits[i] * target;
        }

        return Mean(terms);
    }

    /// <summary>
    /// Softmax cross-entropy for one sample: −ln softmax(logits)[target], computed as
    /// ln Σ e^(zᵢ − m) + m − z_target with m the largest logit, so it never overflows.
    /// </summary>
    /// <param name="logits">The model's raw outputs, one per class.</param>
    /// <param name="target">The index of the true class.</param>
    /// <returns>The cross-entropy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="logits"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="logits"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is not an index into <paramref name="logits"/>.</exception>
    public static Value SoftmaxCrossEntropy(IReadOnlyList<Value> logits, int target)
    {
        if (logits is null)
        {
            throw new ArgumentNullException(nameof(logits));
        }

        if (logits.Count == 0)
        {
            throw new ArgumentException("There must be at least one logit.", nameof(logits));
        }

        if (target < 0 || target >= logits.Count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(target), target, "The target class must be an index into the " + logits.Count + " logits.");
        }

        // The shift m is a constant: the gradient of ln Σ e^(zᵢ − m) + m does not depend on it.
        double max = double.NegativeInfinity;
        foreach (Value logit in logits)
        {
            max = Math.Max(max, logit.Data);
        }

        var exponentials = new Value[logits.Count];
        for (int i = 0; i < exponentials.Length; i++)
        {
            exponentials[i] = (logits[i] - max).Exp();
        }

        return Value.Sum(exponentials).Log() + max - logits[target];
    }

    /// <summary>Softmax cross-entropy averaged over a batch; see <see cref="SoftmaxCrossEntropy(IReadOnlyList{Value}, int)"/>.</summary>
    /// <param name="logits">One list of logits per sample.</param>
    /// <param name="targets">The true class of each sample.</param>
    /// <returns>The mean cross-entropy.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The lists are empty or of different lengths.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A target is not an index into its logits.</exception>
    public static Value SoftmaxCrossEntropy(IReadOnlyList<IReadOnlyList<Value>> logits, IReadOnlyList<int> targets)
    {
        CheckBatch(logits, targets, nameof(logits), nameof(targets));
        var terms = new Value[logits.Count];
        for (int i = 0; i < terms.Length; i++)
        {
            terms[i] = SoftmaxCrossEntropy(logits[i], targets[i]);
        }

        return Mean(terms);
    }

    /// <summary>L2 regularisation: <paramref name="strength"/> × Σ p², as micrograd's demo adds to its loss.</summary>
    /// <param name="parameters">The parameters to keep small, usually <see cref="Module.Parameters"/>.</param>
    /// <param name="strength">The factor α; micrograd's demo uses 1e-4.</param>
    /// <returns>The penalty, one node whatever the number of parameters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is <see langword="null"/>.</exception>
    public static Value L2(IReadOnlyList<Value> parameters, double strength)
    {
        if (parameters is null)
        {
            throw new ArgumentNullException(nameof(parameters));
        }

        Value[] vector = Value.CopyVector(parameters, nameof(parameters));
        return strength * Value.DotOwned(vector, vector);
    }

    private static string Number(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static Value Mean(Value[] terms) => Value.Sum(terms) * (1.0 / terms.Length);

    private static void CheckBatch<T, TTarget>(
        IReadOnlyList<T> outputs, IReadOnlyList<TTarget> targets, string outputsName, string targetsName)
    {
        if (outputs is null)
        {
            throw new ArgumentNullException(outputsName);
        }

        if (targets is null)
        {
            throw new ArgumentNullException(targetsName);
        }

        if (outputs.Count == 0)
        {
            throw new ArgumentException("The batch is empty.", outputsName);
        }

        if (targets.Count != outputs.Count)
        {
            throw new ArgumentException(
                "There are " + outputs.Count + " " + outputsName + " but " + targets.Count + " " + targetsName + ".", targetsName);
        }
    }
}
