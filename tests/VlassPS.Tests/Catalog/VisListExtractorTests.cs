using VlassPS.Core.Archive;

namespace VlassPS.Tests.Catalog;

public class VisListExtractorTests
{
    private const string Eb = "VLASS2.1.sb38561374.eb38565040.59070.62333981482";

    [Theory]
    [InlineData("    hifv_importdata(nocopy=True, vis=['" + Eb + ".ms'], session=['session_1'])")]
    [InlineData("hifv_importdata(vis=[\"" + Eb + ".ms\"], nocopy=True)")]
    [InlineData("hifv_importdata(nocopy=True, vis=['" + Eb + "_split.ms'])")]
    [InlineData("hifv_importdata(nocopy=True, vis=['/lustre/aoc/spool/123/rawdata/" + Eb + "_split.ms/'])")]
    [InlineData("hifv_importdata(nocopy=True, vis = [ '" + Eb + "' ])")]
    [InlineData("hifv_importdata(nocopy=True,\n    vis=['" + Eb + ".ms'],\n    session=['session_1'])")]
    [InlineData("hifv_importdata(nocopy=True, vis='" + Eb + ".ms')")]
    public void Reads_the_eb_from_the_importdata_vis_list(string script)
    {
        var r = VisListExtractor.Extract(script);
        Assert.True(r.FoundImportData);
        Assert.Equal([Eb], r.ExecutionBlocks.Select(e => e.Name));
        Assert.Empty(r.RejectedEntries);
    }

    [Fact]
    public void Removes_an_exact_split_suffix_not_a_character_set()
    {
        // str.strip('_split') would also eat the trailing "t", "s", "p", "l", "i" of a name; the suffix rule does not.
        Assert.True(VisListExtractor.TryReduce("VLASS2.1.sb1.eb2.59070.5_split.ms", out var n));
        Assert.Equal("VLASS2.1.sb1.eb2.59070.5", n.Name);
        Assert.False(VisListExtractor.TryReduce("VLASS2.1.sb1.eb2.59070.5_splitsplit.ms", out _));
        Assert.False(VisListExtractor.TryReduce("VLASS2.1.sb1.eb2.59070.5.ms_split", out _));
    }

    [Fact]
    public void Reads_every_entry_and_de_duplicates()
    {
        const string other = "VLASS2.1.sb38561374.eb38565041.59071.5";
        var r = VisListExtractor.Extract($"hifv_importdata(vis=['{Eb}.ms', '{other}.ms', '{Eb}_split.ms'])\nhifv_importdata(vis=['{other}.ms'])");
        Assert.Equal([Eb, other], r.ExecutionBlocks.Select(e => e.Name));
    }

    [Fact]
    public void Ignores_other_calls_comments_and_outputvis()
    {
        var log = string.Join("\n",
            "# hifv_importdata(vis=['VLASS1.1.sb1.eb1.58000.1.ms'])",
            "mstransform(outputvis='VLASS1.1.sb2.eb2.58000.2_split.ms', vis='/spool/rawdata/VLASS1.1.sb2.eb2.58000.2.ms', datacolumn='corrected')",
            "my_hifv_importdata(vis=['VLASS1.1.sb3.eb3.58000.3.ms'])",
            "hif_editimlist(parameter_file='parameter.list')");
        var r = VisListExtractor.Extract(log);
        Assert.False(r.FoundImportData);
        Assert.Empty(r.ExecutionBlocks);
    }

    [Fact]
    public void A_log_may_record_the_stage_call_as_a_comment_header()
    {
        var log = "# hifv_importdata(nocopy=True, vis=['" + Eb + ".ms'], session=['session_1'])\n"
            + "mstransform(outputvis='" + Eb + "_split.ms', vis='/spool/rawdata/" + Eb + ".ms')\n";
        Assert.Empty(VisListExtractor.Extract(log).ExecutionBlocks);
        Assert.Equal([Eb], VisListExtractor.Extract(log, includeCommentedCalls: true).ExecutionBlocks.Select(e => e.Name));
    }

    [Fact]
    public void Reports_entries_that_are_not_vlass_ebs()
    {
        var r = VisListExtractor.Extract("hifv_importdata(vis=['24B-465.sb47226343.eb47329790.60643.9672167824.ms', 'mydata.ms', '" + Eb + ".ms'])");
        Assert.Equal([Eb], r.ExecutionBlocks.Select(e => e.Name));
        Assert.Equal(["24B-465.sb47226343.eb47329790.60643.9672167824.ms", "mydata.ms"], r.RejectedEntries);
    }

    [Fact]
    public void A_script_without_importdata_finds_nothing()
    {
        var r = VisListExtractor.Extract("context = h_init()\nhif_makeimages()\n");
        Assert.False(r.FoundImportData);
        Assert.Empty(r.ExecutionBlocks);
        Assert.Empty(r.RejectedEntries);
    }
}
