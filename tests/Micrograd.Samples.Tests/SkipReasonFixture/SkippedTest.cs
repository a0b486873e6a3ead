using Xunit;

namespace SkipReasonFixture;

public class SkippedTest
{
    [Fact(Skip = "the reason a reader needs, such as a missing browser")]
    public void Is_skipped()
    {
    }
}
