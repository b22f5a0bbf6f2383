namespace MyPayGa.Sandbox.Domain;

/// <summary>sendClientTransfert / getClientTransfert: payouts succeed, except to the failing test numbers.</summary>
internal sealed class TransferService(SandboxStore store, TimeProvider time)
{
    public TransferSnapshot Send(long amount, string receiverPhone, string country, string receiverType)
    {
        var row = TestData.FindMobile(receiverPhone);
        var transfer = new TransferSnapshot(Ids.TransferId(), amount, receiverPhone, country, receiverType,
            Succeeded: row is null || row.Succeeds, time.GetUtcNow());
        lock (store.Gate)
        {
            store.Transfers.Add(transfer.Id, transfer);
        }
        return transfer;
    }

    public TransferSnapshot? Get(string id)
    {
        lock (store.Gate)
        {
            return store.Transfers.GetValueOrDefault(id);
        }
    }
}
