using BlindSpot.Core.Paths;

namespace BlindSpot.Core.Tests.Paths;

public sealed class DataRootCheckTests
{
    [Test]
    public void RequireExisting_PathIsAFile_SaysSo()
    {
        var file = Path.GetTempFileName();
        try
        {
            var error = Assert.Throws<DataRootException>(() => DataRootCheck.RequireExisting(new DataRoot(file)));

            Assert.That(error!.Message, Does.Contain($"The data root {file} is a file, not a folder"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void AsStorageFault_PermissionDenied_NamesThePathAndFreeSpace()
    {
        var root = new DataRoot(Path.GetTempPath());

        var fault = DataRootCheck.AsStorageFault(new UnauthorizedAccessException("Access to the path '/x' is denied."), root);

        Assert.That(fault?.Message, Does.StartWith($"Cannot write under the data root {root.Path}: permission denied").And.Contain("free of"));
    }

    // A sharing violation (EWOULDBLOCK, 11) is a stage lock held elsewhere: transient, not a storage fault.
    [Test]
    public void AsStorageFault_OtherIOException_IsNotOne() =>
        Assert.That(DataRootCheck.AsStorageFault(new IOException("locked", 11), new DataRoot(Path.GetTempPath())), Is.Null);
}
