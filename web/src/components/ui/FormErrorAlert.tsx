import { Alert } from 'antd';

type FormErrorAlertProps = { messages: string[] };

/** Form-level errors (the server's message, or checks that belong to no single field). */
export const FormErrorAlert = ({ messages }: FormErrorAlertProps) => {
  if (messages.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={messages[0]}
      description={
        messages.length > 1 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {messages.slice(1).map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
};
