namespace ActorBroker.Dicom.CharacterSets;

internal enum GraphicSetKind
{
    Ascii,
    Romaji,
    Latin,
    Katakana,
    JisX0208,
    JisX0212,
    KsX1001,
    Gb2312,
}
