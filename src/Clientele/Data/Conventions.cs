namespace Clientele.Data;

/// <summary>An entity whose writes are checked against the version the writer saw (optimistic concurrency).</summary>
public interface IVersioned
{
    long Version { get; set; }
}

/// <summary>An entity that carries created/updated stamps in UTC, set by the context on save.</summary>
public interface IStamped
{
    DateTime CreatedAt { get; set; }
    DateTime UpdatedAt { get; set; }
}

/// <summary>An entity with a database-generated numeric id, the key of keyset pagination.</summary>
public interface IHasId
{
    long Id { get; }
}
