namespace RtChat.Web.Realtime;

/// <summary>This process among the nodes: new at every start, the same for its frames and its presence.</summary>
internal sealed record RedisNode(Guid Id);

/// <summary>Told when another node stopped beating (its presence key expired).</summary>
internal interface INodeDeaths
{
    void Died(Guid node);
}
