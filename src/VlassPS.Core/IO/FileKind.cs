namespace VlassPS.Core.IO;

/// <summary>What a path names, as stat(2) reports it (symbolic links followed).</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}
