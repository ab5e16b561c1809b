using ScenarioDsl.Runtime.Cues;
using ScenarioDsl.Runtime.Definitions;

namespace ScenarioDsl.Runtime.Tests.Cues;

public class DefaultCueDetectorTests
{
    private static readonly CueTable Table = new(
    [
        new CueDefinition("validation", ["that makes sense", "it's okay to feel"]),
        new CueDefinition("question", ["?"]),
        new CueDefinition("care", ["care"]),
        new CueDefinition("cafe", ["café"]),
        new CueDefinition("ellipsis", ["..."]),
        new CueDefinition("hello", ["hi!"]),
    ]);

    private static readonly DefaultCueDetector Detector = new(Table);

    private static string[] Detect(string reply, string? previous = null) => Table.NamesOf(Detector.Detect(reply, previous));

    [Theory]
    [InlineData("That Makes Sense.", true)]
    [InlineData("THAT MAKES SENSE", true)]
    [InlineData("well, that makes sense!", true)]
    [InlineData("that makes sensei", false)]
    [InlineData("xthat makes sense", false)]
    [InlineData("that makes  sense", false)]
    [InlineData("It's okay to feel this way", true)]
    [InlineData("it's okay to feeling", false)]
    public void Word_phrases_match_case_insensitively_on_word_boundaries(string reply, bool expected) =>
        Assert.Equal(expected, Detect(reply).Contains("validation"));

    [Theory]
    [InlineData("I care.", true)]
    [InlineData("I take care2", false)]
    [InlineData("careful", false)]
    [InlineData("scare", false)]
    [InlineData("(care)", true)]
    public void Boundaries_count_digits_as_word_characters(string reply, bool expected) =>
        Assert.Equal(expected, Detect(reply).Contains("care"));

    [Theory]
    [InlineData("why?", true)]
    [InlineData("?!", true)]
    [InlineData("no question here", false)]
    public void Punctuation_phrases_match_anywhere(string reply, bool expected) =>
        Assert.Equal(expected, Detect(reply).Contains("question"));

    [Fact]
    public void Phrases_ending_in_punctuation_need_no_boundary_at_that_end()
    {
        Assert.Contains("hello", Detect("ohi! there"));
        Assert.Contains("ellipsis", Detect("well...so"));
    }

    [Theory]
    [InlineData("Meet me at the CAFÉ.", true)]
    [InlineData("un café noir", true)]
    [InlineData("cafés", false)]
    [InlineData("xcafé", false)]
    [InlineData("cafe", false)]
    public void Non_ascii_letters_are_lowered_with_the_invariant_culture_and_are_word_characters(string reply, bool expected) =>
        Assert.Equal(expected, Detect(reply).Contains("cafe"));

    [Fact]
    public void Cues_are_reported_sorted_by_name()
    {
        Assert.Equal(["care", "question", "validation"], Detect("That makes sense? I care."));
    }

    [Fact]
    public void Mirroring_needs_a_quarter_of_the_distinct_content_words()
    {
        // Content words of the persona's message: exams, next, week, panicking (I, can, t... are too short or not letters).
        const string persona = "I have exams next week; I'm panicking!";
        // distinct: have, exams, next, week, panicking = 5 words; 25% of 5 = 1.25, so 2 are needed.
        Assert.DoesNotContain("mirroring", Detect("Your exams.", persona));
        Assert.Contains("mirroring", Detect("Your EXAMS next month.", persona));
    }

    [Fact]
    public void Mirroring_exactly_at_25_percent_counts()
    {
        const string persona = "alpha beta gamma delta";       // 4 distinct content words
        Assert.Contains("mirroring", Detect("so, Gamma.", persona)); // 1 of 4 = exactly 25%
        Assert.DoesNotContain("mirroring", Detect("so, gammas.", persona));
        const string eight = "one two six ten red blue green black";
        Assert.DoesNotContain("mirroring", Detect("one", eight));   // 1 of 8 = 12.5%
        Assert.Contains("mirroring", Detect("one two", eight));     // 2 of 8 = 25%
    }

    [Fact]
    public void Mirroring_ignores_short_words_repeats_and_empty_messages()
    {
        Assert.DoesNotContain("mirroring", Detect("I am ok", "I am ok"));            // no content words at all
        Assert.DoesNotContain("mirroring", Detect("anything", null));
        Assert.Contains("mirroring", Detect("sad", "sad sad sad sad happy angry tired")); // 1 of 4 distinct
        Assert.Contains("mirroring", Detect("Müde", "müde traurig allein verloren"));      // non-ASCII letters
    }

    [Fact]
    public void Content_words_are_letter_runs_of_at_least_three_lowered()
    {
        Assert.Equal(["don", "know", "what"], ContentWords.Distinct("I don't know what to do, DON'T know."));
        Assert.Equal(["abc", "def"], ContentWords.Distinct("abc1def ab"));
    }
}
