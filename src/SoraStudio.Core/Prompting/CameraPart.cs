namespace SoraStudio.Core.Prompting;

/// <summary>Which field of the cinematography one comma-separated part of a <c>Camera:</c> line belongs to.</summary>
internal enum CameraPart
{
    Shot,
    Angle,
    Movement,
}
