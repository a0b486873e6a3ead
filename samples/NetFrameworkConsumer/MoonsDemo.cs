using System;
using System.Collections.Generic;
using Micrograd.Datasets;
using Micrograd.Nn;

namespace Micrograd.Samples.NetFrameworkConsumer;

/// <summary>
/// micrograd's demo, as in the README: 100 moons points (noise 0.1, seed 1337), MLP(2, [16, 16, 1]) with relu
/// hidden layers and a linear output, hinge loss plus 1e-4 L2, SGD with the learning rate decaying from 1.0 to 0.1.
/// </summary>
internal sealed class MoonsDemo
{
    public const int Steps = 100;

    public MoonsDemo()
    {
        var random = new Random(1337);
        Data = Moons.Generate(100, noise: 0.1, random);
        Model = new MLP(2, [16, 16, 1], Activation.Relu, Activation.Linear, random);
        Optimizer = new Sgd(Model.Parameters(), learningRate: 1.0);
    }

    public Moons Data { get; }

    public MLP Model { get; }

    public Sgd Optimizer { get; }

    /// <summary>The network's score for every point (positive: the lower moon, label +1).</summary>
    public List<Value> Scores()
    {
        var scores = new List<Value>(Data.Points.Count);
        foreach (double[] point in Data.Points)
        {
            scores.Add(Model.Forward(point)[0]);
        }

        return scores;
    }

    /// <summary>The demo's loss over the given scores.</summary>
    public Value Loss(List<Value> scores) => Losses.Hinge(scores, Data.SignedLabels) + Losses.L2(Model.Parameters(), 1e-4);

    /// <summary>One training step, the graph built anew as micrograd does: forward, backward, update. Returns the loss.</summary>
    public double Step(int step)
    {
        Value loss = Loss(Scores());
        Optimizer.ZeroGrad();
        loss.Backward();
        Optimizer.LearningRate = 1.0 - 0.9 * step / Steps;
        Optimizer.Step();
        return loss.Data;
    }

    /// <summary>The fraction of points the network puts on the right side.</summary>
    public double Accuracy()
    {
        List<Value> scores = Scores();
        int right = 0;
        for (int i = 0; i < scores.Count; i++)
        {
            if (scores[i].Data > 0 == Data.SignedLabels[i] > 0)
            {
                right++;
            }
        }

        return right / (double)scores.Count;
    }
}
