using System.Data.Common;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services.Ledger;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

/// <summary>A unique-key violation is recognised as each provider reports it (the real PostgreSQL one in FarmTests).</summary>
[TestFixture]
public sealed class UniqueInsertTests
{
    private sealed class Postgres(string state) : DbException("duplicate key value violates unique constraint")
    {
        public override string SqlState => state;
    }

    private sealed class SqlServer(int number) : DbException("Cannot insert duplicate key row")
    {
        public int Number => number;
    }

    private enum MySqlErrorCode { DuplicateKeyEntry = 1062, LockDeadlock = 1213 }

    /// <summary>As MySqlConnector's: Number, and an ErrorCode enum hiding DbException's HRESULT.</summary>
    private sealed class MySql(MySqlErrorCode code) : DbException("Duplicate entry")
    {
        public int Number => (int)code;

        public new MySqlErrorCode ErrorCode => code;
    }

    [Test]
    public void Each_providers_unique_violation_is_recognised_and_nothing_else()
    {
        Assert.That(UniqueInsert.IsUniqueViolation(new Postgres("23505")), Is.True);
        Assert.That(UniqueInsert.IsUniqueViolation(new SqlServer(2627)), Is.True);
        Assert.That(UniqueInsert.IsUniqueViolation(new SqlServer(2601)), Is.True);
        Assert.That(UniqueInsert.IsUniqueViolation(new InvalidOperationException("wrapped", new Postgres("23505"))), Is.True);

        Assert.That(UniqueInsert.IsUniqueViolation(new Postgres("40001")), Is.False, "a serialization failure");
        Assert.That(UniqueInsert.IsUniqueViolation(new SqlServer(1205)), Is.False, "a deadlock");
        Assert.That(UniqueInsert.IsUniqueViolation(new TimeoutException()), Is.False);
    }

    [Test]
    public void A_mysql_duplicate_entry_is_recognised_by_its_number_and_a_deadlock_is_not()
    {
        Assert.That(UniqueInsert.IsUniqueViolation(new MySql(MySqlErrorCode.DuplicateKeyEntry)), Is.True);
        Assert.That(UniqueInsert.IsUniqueViolation(new MySql(MySqlErrorCode.LockDeadlock)), Is.False);
    }

    [Test]
    public async Task A_violation_whose_row_is_already_gone_is_still_a_lost_race_not_an_error()
    {
        var rows = new InMemoryRepository<MyPayGaClaim>();
        rows.FailInsert = _ => new Postgres("23505");

        var won = await UniqueInsert.TryInsertAsync(rows, new MyPayGaClaim { ClaimKey = "recon-lease" }, () => Task.FromResult(false));

        Assert.That(won, Is.False);
    }
}
