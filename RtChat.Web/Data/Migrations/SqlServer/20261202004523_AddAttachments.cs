using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RtChat.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    MessageId = table.Column<long>(type: "bigint", nullable: false),
                    FileKey = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(121)", maxLength: 121, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Width = table.Column<int>(type: "int", nullable: true),
                    Height = table.Column<int>(type: "int", nullable: true),
                    ThumbnailKey = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: true),
                    ThumbnailWidth = table.Column<int>(type: "int", nullable: true),
                    ThumbnailHeight = table.Column<int>(type: "int", nullable: true),
                    WasAnimated = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.MessageId);
                    table.ForeignKey(
                        name: "FK_Attachments_Messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeletedFiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FileKey = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeletedFiles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_FileKey",
                table: "Attachments",
                column: "FileKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_ThumbnailKey",
                table: "Attachments",
                column: "ThumbnailKey",
                unique: true,
                filter: "[ThumbnailKey] IS NOT NULL");

            // A deleted attachment's files are queued in the deleting transaction, however the row goes (a message,
            // a room or an account deleted, cascades included); FileReaper removes them from disk. In EXEC because
            // CREATE TRIGGER must open its batch, and the idempotent script wraps each migration in IF ... BEGIN.
            migrationBuilder.Sql(@"EXEC('CREATE TRIGGER [Attachments_QueueFileDeletion] ON [Attachments] AFTER DELETE AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO [DeletedFiles] ([FileKey]) SELECT [FileKey] FROM deleted;
    INSERT INTO [DeletedFiles] ([FileKey]) SELECT [ThumbnailKey] FROM deleted WHERE [ThumbnailKey] IS NOT NULL;
END')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [Attachments_QueueFileDeletion];");

            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropTable(
                name: "DeletedFiles");
        }
    }
}
