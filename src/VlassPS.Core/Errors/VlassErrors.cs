namespace VlassPS.Core.Errors;

/// <summary>
/// Every error id VlassPS reports, with its category: one table, so that the same failure has the same id and
/// category in every cmdlet. Tests reference these ids; keep them stable.
/// </summary>
public static class VlassErrors
{
    public static readonly VlassErrorId AnnulusInvalid = new("AnnulusInvalid", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId ArchiveOptionsInvalid = new("ArchiveOptionsInvalid", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId ArchiveRequestFailed = new("ArchiveRequestFailed", VlassErrorKind.ConnectionError);
    public static readonly VlassErrorId ArchiveRedirectRefused = new("ArchiveRedirectRefused", VlassErrorKind.SecurityError);
    public static readonly VlassErrorId ArchiveListingTooLarge = new("ArchiveListingTooLarge", VlassErrorKind.LimitsExceeded);
    public static readonly VlassErrorId CatalogRowMalformed = new("CatalogRowMalformed", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId ComparisonWriteFailed = new("ComparisonWriteFailed", VlassErrorKind.WriteError);
    public static readonly VlassErrorId ConfigurationUnreadable = new("ConfigurationUnreadable", VlassErrorKind.ReadError);
    public static readonly VlassErrorId ConfigurationWriteFailed = new("ConfigurationWriteFailed", VlassErrorKind.WriteError);
    public static readonly VlassErrorId ConfigurationInvalid = new("ConfigurationInvalid", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId DataColumnUnavailable = new("DataColumnUnavailable", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId EpochInvalid = new("EpochInvalid", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId ExecutionBlockCacheFailed = new("ExecutionBlockCacheFailed", VlassErrorKind.WriteError);
    public static readonly VlassErrorId FieldSelectionInvalid = new("FieldSelectionInvalid", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId FitsImageUnsupported = new("FitsImageUnsupported", VlassErrorKind.NotImplemented);
    public static readonly VlassErrorId FitsMalformed = new("FitsMalformed", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId FitsUnreadable = new("FitsUnreadable", VlassErrorKind.ReadError);
    public static readonly VlassErrorId GeometryInvalid = new("GeometryInvalid", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId GeometryWithoutCenter = new("GeometryWithoutCenter", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId ImageNotFound = new("ImageNotFound", VlassErrorKind.ObjectNotFound);
    public static readonly VlassErrorId ImagesNotComparable = new("ImagesNotComparable", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId InputFileTooLarge = new("InputFileTooLarge", VlassErrorKind.LimitsExceeded);
    public static readonly VlassErrorId MeasurementSetNotFound = new("MeasurementSetNotFound", VlassErrorKind.ObjectNotFound);
    public static readonly VlassErrorId MeasurementSetUnreadable = new("MeasurementSetUnreadable", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId MeasurementSetUnsupported = new("MeasurementSetUnsupported", VlassErrorKind.NotImplemented);
    public static readonly VlassErrorId NoExecutionBlockInImage = new("NoExecutionBlockInImage", VlassErrorKind.ObjectNotFound);
    public static readonly VlassErrorId NoFieldsSelected = new("NoFieldsSelected", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId OutputExists = new("OutputExists", VlassErrorKind.ResourceExists);
    public static readonly VlassErrorId OutputPathsCollide = new("OutputPathsCollide", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId ParameterOutOfRange = new("ParameterOutOfRange", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId PathIsDirectory = new("PathIsDirectory", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId PathNotFileSystem = new("PathNotFileSystem", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId PathNotRegularFile = new("PathNotRegularFile", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId PhaseCenterMissing = new("PhaseCenterMissing", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId PipelineVersionInvalid = new("PipelineVersionInvalid", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId PositionOutOfRange = new("PositionOutOfRange", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId PositionOutsideSurvey = new("PositionOutsideSurvey", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId PositionUnreadable = new("PositionUnreadable", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId RegionFileMalformed = new("RegionFileMalformed", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId RegionFileNotFound = new("RegionFileNotFound", VlassErrorKind.ObjectNotFound);
    public static readonly VlassErrorId RegionInvalid = new("RegionInvalid", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId RegionMissing = new("RegionMissing", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId RegionNotMeasurable = new("RegionNotMeasurable", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId RmsImageNotFound = new("RmsImageNotFound", VlassErrorKind.ObjectNotFound);
    public static readonly VlassErrorId RmsSourceAmbiguous = new("RmsSourceAmbiguous", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId ScriptExists = new("ScriptExists", VlassErrorKind.ResourceExists);
    public static readonly VlassErrorId SearchRegionTooLarge = new("SearchRegionTooLarge", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId SeipFileExists = new("SeipFileExists", VlassErrorKind.ResourceExists);
    public static readonly VlassErrorId SeipFileNotFound = new("SeipFileNotFound", VlassErrorKind.ObjectNotFound);
    public static readonly VlassErrorId SeipFileUnreadable = new("SeipFileUnreadable", VlassErrorKind.ReadError);
    public static readonly VlassErrorId SeipFileWriteFailed = new("SeipFileWriteFailed", VlassErrorKind.WriteError);
    public static readonly VlassErrorId SeipParameterInvalid = new("SeipParameterInvalid", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId SeipParameterListInvalid = new("SeipParameterListInvalid", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId SurveyCatalogDownloadFailed = new("SurveyCatalogDownloadFailed", VlassErrorKind.ConnectionError);
    public static readonly VlassErrorId SurveyCatalogIncomplete = new("SurveyCatalogIncomplete", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId SurveyCatalogInvalid = new("SurveyCatalogInvalid", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId SurveyCatalogMissing = new("SurveyCatalogMissing", VlassErrorKind.ObjectNotFound);
    public static readonly VlassErrorId SurveyCatalogShrinks = new("SurveyCatalogShrinks", VlassErrorKind.InvalidOperation);
    public static readonly VlassErrorId SurveyCatalogWriteFailed = new("SurveyCatalogWriteFailed", VlassErrorKind.WriteError);
    public static readonly VlassErrorId TargetListNotFound = new("TargetListNotFound", VlassErrorKind.ObjectNotFound);
    public static readonly VlassErrorId TargetListUnreadable = new("TargetListUnreadable", VlassErrorKind.ReadError);
    public static readonly VlassErrorId TargetListMalformed = new("TargetListMalformed", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId TargetRowUnreadable = new("TargetRowUnreadable", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId TileNotFound = new("TileNotFound", VlassErrorKind.ObjectNotFound);
    public static readonly VlassErrorId TileNotInCatalog = new("TileNotInCatalog", VlassErrorKind.ObjectNotFound);
    public static readonly VlassErrorId UriNotHttp = new("UriNotHttp", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId WorkspaceDiffers = new("WorkspaceDiffers", VlassErrorKind.ResourceExists);
    public static readonly VlassErrorId WorkspaceInvalid = new("WorkspaceInvalid", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId WorkspaceUnreadable = new("WorkspaceUnreadable", VlassErrorKind.ReadError);
    public static readonly VlassErrorId WorkspaceWriteFailed = new("WorkspaceWriteFailed", VlassErrorKind.WriteError);
    public static readonly VlassErrorId UnexpectedFailure = new("UnexpectedFailure", VlassErrorKind.InvalidOperation);

    // Parameter-list issues of error severity (SeipValidator / SeipParameterFileReader), reported as errors.
    public static readonly VlassErrorId SeipFileNotUtf8 = new("SeipFileNotUtf8", VlassErrorKind.ParserError);
    public static readonly VlassErrorId SeipValueNotLiteral = new("SeipValueNotLiteral", VlassErrorKind.ParserError);
    public static readonly VlassErrorId SeipKeyNotWritable = new("SeipKeyNotWritable", VlassErrorKind.ParserError);
    public static readonly VlassErrorId SeipCellInvalid = new("SeipCellInvalid", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId SeipCycleNiterInvalid = new("SeipCycleNiterInvalid", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId SeipImageNameEmpty = new("SeipImageNameEmpty", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId SeipImageNameInvalid = new("SeipImageNameInvalid", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId SeipImageNameMissing = new("SeipImageNameMissing", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId SeipImagingModeUnknown = new("SeipImagingModeUnknown", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId SeipImsizeInvalid = new("SeipImsizeInvalid", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId SeipImsizeMissing = new("SeipImsizeMissing", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId SeipImsizeOdd = new("SeipImsizeOdd", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId SeipPhaseCenterInvalid = new("SeipPhaseCenterInvalid", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId SeipPhaseCenterMissing = new("SeipPhaseCenterMissing", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId SeipValueOutOfRange = new("SeipValueOutOfRange", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId SeipValueWrongType = new("SeipValueWrongType", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId SeipSearchRadiusNegative = new("SeipSearchRadiusNegative", VlassErrorKind.InvalidData);

    // Composition, writer rule and jobs.
    public static readonly VlassErrorId ArchiveUnreachable = new("ArchiveUnreachable", VlassErrorKind.ConnectionError);
    public static readonly VlassErrorId ConfigurationValueInvalid = new("ConfigurationValueInvalid", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId EpochNotInCatalog = new("EpochNotInCatalog", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId FileConflict = new("FileConflict", VlassErrorKind.ResourceExists);
    public static readonly VlassErrorId InputUnreadable = new("InputUnreadable", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId OutputPathRefused = new("OutputPathRefused", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId OutputWriteFailed = new("OutputWriteFailed", VlassErrorKind.WriteError);
    public static readonly VlassErrorId JobAlreadySubmitted = new("JobAlreadySubmitted", VlassErrorKind.ResourceExists);
    public static readonly VlassErrorId JobArgumentInvalid = new("JobArgumentInvalid", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId JobNotFound = new("JobNotFound", VlassErrorKind.ObjectNotFound);
    public static readonly VlassErrorId NoJobSubmitted = new("NoJobSubmitted", VlassErrorKind.ObjectNotFound);
    public static readonly VlassErrorId SchedulerCommandFailed = new("SchedulerCommandFailed", VlassErrorKind.InvalidResult);
    public static readonly VlassErrorId SchedulerRefused = new("SchedulerRefused", VlassErrorKind.InvalidOperation);
    public static readonly VlassErrorId SchedulerUnavailable = new("SchedulerUnavailable", VlassErrorKind.ResourceUnavailable);
    public static readonly VlassErrorId SplitScriptNotFound = new("SplitScriptNotFound", VlassErrorKind.ObjectNotFound);
    public static readonly VlassErrorId WaitTimeout = new("WaitTimeout", VlassErrorKind.OperationTimeout);
    public static readonly VlassErrorId WorkspaceInputInvalid = new("WorkspaceInputInvalid", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId WorkspaceManifestInvalid = new("WorkspaceManifestInvalid", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId WorkspaceNotFound = new("WorkspaceNotFound", VlassErrorKind.ObjectNotFound);

    // Campaigns.
    public static readonly VlassErrorId CampaignFileNotFound = new("CampaignFileNotFound", VlassErrorKind.ObjectNotFound);
    public static readonly VlassErrorId CampaignFileProblem = new("CampaignFileProblem", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId CampaignInvalid = new("CampaignInvalid", VlassErrorKind.InvalidData);
    public static readonly VlassErrorId CampaignFoldersMissing = new("CampaignFoldersMissing", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId CampaignLedgerNotFound = new("CampaignLedgerNotFound", VlassErrorKind.ObjectNotFound);
    public static readonly VlassErrorId CampaignLedgerUnavailable = new("CampaignLedgerUnavailable", VlassErrorKind.ResourceUnavailable);
    public static readonly VlassErrorId CampaignLedgerUnreadable = new("CampaignLedgerUnreadable", VlassErrorKind.ReadError);
    public static readonly VlassErrorId CampaignSchedulerFailed = new("CampaignSchedulerFailed", VlassErrorKind.ConnectionError);
    public static readonly VlassErrorId CampaignPlanInputMissing = new("CampaignPlanInputMissing", VlassErrorKind.InvalidArgument);
    public static readonly VlassErrorId CasaNotFound = new("CasaNotFound", VlassErrorKind.ObjectNotFound);
    public static readonly VlassErrorId TargetWithoutPosition = new("TargetWithoutPosition", VlassErrorKind.InvalidArgument);

    /// <summary>The whole table (for documentation and the tests that check every reported id is in it).</summary>
    public static IReadOnlyList<VlassErrorId> All { get; } = new[]
    {
        AnnulusInvalid, ArchiveOptionsInvalid, ArchiveRequestFailed, ArchiveRedirectRefused, ArchiveListingTooLarge,
        CatalogRowMalformed, ComparisonWriteFailed, ConfigurationUnreadable, ConfigurationWriteFailed, ConfigurationInvalid,
        DataColumnUnavailable, EpochInvalid, ExecutionBlockCacheFailed, FieldSelectionInvalid, FitsImageUnsupported,
        FitsMalformed, FitsUnreadable, GeometryInvalid, GeometryWithoutCenter, ImageNotFound,
        ImagesNotComparable, InputFileTooLarge, MeasurementSetNotFound, MeasurementSetUnreadable, MeasurementSetUnsupported,
        NoExecutionBlockInImage, NoFieldsSelected, OutputExists, OutputPathsCollide, ParameterOutOfRange,
        PathIsDirectory, PathNotFileSystem, PathNotRegularFile, PhaseCenterMissing, PipelineVersionInvalid,
        PositionOutOfRange, PositionOutsideSurvey, PositionUnreadable, RegionFileMalformed, RegionFileNotFound,
        RegionInvalid, RegionMissing, RegionNotMeasurable, RmsImageNotFound, RmsSourceAmbiguous,
        ScriptExists, SearchRegionTooLarge, SeipFileExists, SeipFileNotFound, SeipFileUnreadable,
        SeipFileWriteFailed, SeipParameterInvalid, SeipParameterListInvalid, SurveyCatalogDownloadFailed, SurveyCatalogIncomplete,
        SurveyCatalogInvalid, SurveyCatalogMissing, SurveyCatalogShrinks, SurveyCatalogWriteFailed, TargetListNotFound,
        TargetListUnreadable, TargetListMalformed, TargetRowUnreadable, TileNotFound, TileNotInCatalog, UriNotHttp,
        WorkspaceDiffers, WorkspaceInvalid, WorkspaceUnreadable, WorkspaceWriteFailed, UnexpectedFailure,
        SeipFileNotUtf8, SeipValueNotLiteral, SeipKeyNotWritable, SeipCellInvalid, SeipCycleNiterInvalid, SeipImageNameEmpty,
        SeipImageNameInvalid, SeipImageNameMissing, SeipImagingModeUnknown, SeipImsizeInvalid, SeipImsizeMissing, SeipImsizeOdd,
        SeipPhaseCenterInvalid, SeipPhaseCenterMissing, SeipValueOutOfRange, SeipValueWrongType, SeipSearchRadiusNegative,
        ArchiveUnreachable, ConfigurationValueInvalid, EpochNotInCatalog, FileConflict, InputUnreadable, OutputPathRefused, OutputWriteFailed, JobAlreadySubmitted, JobArgumentInvalid, JobNotFound, NoJobSubmitted, SchedulerCommandFailed, SchedulerRefused, SchedulerUnavailable, SplitScriptNotFound, WaitTimeout, WorkspaceInputInvalid, WorkspaceManifestInvalid, WorkspaceNotFound,
        CampaignFileNotFound, CampaignFileProblem, CampaignInvalid, CampaignFoldersMissing, CampaignLedgerNotFound, CampaignLedgerUnavailable, CampaignLedgerUnreadable, CampaignSchedulerFailed, CampaignPlanInputMissing, CasaNotFound, TargetWithoutPosition,
    };

    /// <summary>The entry for <paramref name="id"/>, or null when the id is not in the table.</summary>
    public static VlassErrorId? Find(string id) => All.FirstOrDefault(e => e.Id == id);
}
