using System.Text;
using ActorBroker.Dicom.Data;

namespace ActorBroker.LoadGen;

/// <summary>
/// A dcmdump-like text form of a dataset: one line per element (tag, VR, keyword, value as the dataset
/// decodes it), sequence items indented. Used by <c>mpps --dry-run</c> to show the datasets and to
/// compare a dataset with what comes back from encoding and parsing it.
/// </summary>
internal static class DatasetDump
{
    public static string Dump(DicomDataset dataset)
    {
        var text = new StringBuilder();
        Append(text, dataset, 0);
        return text.ToString();
    }

    private static void Append(StringBuilder text, DicomDataset dataset, int depth)
    {
        var indent = new string(' ', depth * 4);
        foreach (var element in dataset)
        {
            var keyword = DicomDictionary.Lookup(element.Tag)?.Keyword ?? "?";
            if (element.IsSequence)
            {
                text.Append(indent).Append(element.Tag).Append(" SQ ").Append(keyword)
                    .Append(" (").Append(element.Items.Count).Append(element.Items.Count == 1 ? " item)" : " items)").Append('\n');
                for (var i = 0; i < element.Items.Count; i++)
                {
                    text.Append(indent).Append("  > item ").Append(i + 1).Append('\n');
                    Append(text, element.Items[i], depth + 1);
                }
            }
            else
            {
                text.Append(indent).Append(element.Tag).Append(' ').Append(element.VR).Append(' ').Append(keyword)
                    .Append(" [").Append(dataset.GetString(element.Tag)).Append("] #").Append(element.Length).Append('\n');
            }
        }
    }
}
