using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SoraStudio.Web.Data.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.HasKey(d => d.WebhookId);
        delivery.Property(d => d.WebhookId).HasMaxLength(200);
        delivery.Property(d => d.EventType).HasMaxLength(100);
        delivery.Property(d => d.VideoId).HasMaxLength(200);
        delivery.HasIndex(d => d.ReceivedAt);
    }
}
