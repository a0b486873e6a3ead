namespace Micrograd.Samples.MicroGpt.Tests;

public class TrainingTests
{
    [Theory]
    [InlineData(GraphKind.Fused)]
    [InlineData(GraphKind.Operators)]
    public void Fifty_steps_of_Adam_lower_the_loss_on_the_documents_seen(GraphKind graph)
    {
        var random = new PythonRandom(42);
        List<string> docs = [.. Fixture.Docs];
        random.Shuffle(docs);
        var model = new Gpt(Fixture.Tokenizer.VocabSize, random, graph);
        var adam = new Adam(model.Parameters);
        int[][] batch = docs.Take(50).Select(Fixture.Tokenizer.Encode).ToArray();

        double before = batch.Average(tokens => model.Loss(tokens).Data);
        for (int step = 0; step < 50; step++)
        {
            model.Loss(batch[step]).Backward();
            adam.Step(step, 50);
        }

        double after = batch.Average(tokens => model.Loss(tokens).Data);
        before.Should().BeApproximately(Math.Log(27), 0.1, "untrained, every one of the 27 tokens is about equally likely");
        after.Should().BeLessThan(before - 0.3);
    }

    [Fact]
    public void The_first_steps_loss_is_the_Python_originals_bit_for_bit()
    {
        // The first step of `python3 microgpt.py` (seed 42), its loss printed with repr() instead of :.4f.
        const double python = 3.3659669475848504;
        foreach (GraphKind graph in Enum.GetValues<GraphKind>())
        {
            var random = new PythonRandom(42);
            List<string> docs = [.. Fixture.Docs];
            random.Shuffle(docs);
            var model = new Gpt(Fixture.Tokenizer.VocabSize, random, graph);
            model.Loss(Fixture.Tokenizer.Encode(docs[0])).Data.Should().Be(python, "the {0} graph adds and multiplies in the original's order", graph);
        }
    }
}
